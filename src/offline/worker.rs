//! The only code in the app that talks to the service worker: following the page's
//! registration, noticing a waiting update, activating it on request, and probing whether the
//! server answers.

use std::cell::Cell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

use super::model::{OfflineState, PROBE_PARAM, SKIP_WAITING_MESSAGE};
use crate::platform::clock::now_ms;
use crate::platform::lifetime::{hold_until_cleanup, in_scope};

thread_local! {
    /// Set when the reader asked for the update, so that the page reloads exactly once.
    static RELOAD_ON_CHANGE: Cell<bool> = const { Cell::new(false) };
}

/// Follows the worker the page registered (its start script is the one place that decides
/// whether to: release builds, top-level pages, browsers with workers) and keeps `state` up to
/// date. Where no worker was registered, `ready` never settles and nothing is watched.
pub fn start(state: RwSignal<OfflineState>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    watch_connectivity(state);
    let supported = js_sys::Reflect::has(&window.navigator(), &JsValue::from_str("serviceWorker"))
        .unwrap_or(false);
    if !supported {
        return;
    }
    let container = window.navigator().service_worker();
    let on_change = Closure::<dyn Fn()>::new(|| {
        if RELOAD_ON_CHANGE.with(|flag| flag.replace(false)) {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    hold_until_cleanup((container.clone(), on_change), |(container, _)| {
        container.set_oncontrollerchange(None);
    });
    let scope = Owner::current();
    let Ok(ready) = container.ready() else {
        return;
    };
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(ready).await else {
            return;
        };
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        in_scope(scope.as_ref(), || follow_updates(registration, state));
    });
}

/// Marks `state` when a new worker has installed and waits, whether it was found before the
/// app started (the page starts it on the reader's first input) or later.
fn follow_updates(registration: ServiceWorkerRegistration, state: RwSignal<OfflineState>) {
    let controlled =
        || web_sys::window().is_some_and(|w| w.navigator().service_worker().controller().is_some());
    if registration.waiting().is_some() && controlled() {
        state.update(|s| s.update_waiting = true);
    }
    let watch_installing = move |installing: ServiceWorker| {
        let worker = installing.clone();
        let on_state = Closure::<dyn Fn()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && controlled() {
                state.update(|s| s.update_waiting = true);
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        hold_until_cleanup((installing, on_state), |(installing, _)| {
            installing.set_onstatechange(None);
        });
    };
    // An update already installing when the app started.
    if let Some(installing) = registration.installing() {
        watch_installing(installing);
    }
    let scope = Owner::current();
    let watched = registration.clone();
    let on_found = Closure::<dyn Fn()>::new(move || {
        if let Some(installing) = watched.installing() {
            in_scope(scope.as_ref(), || watch_installing(installing));
        }
    });
    registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    hold_until_cleanup((registration, on_found), |(registration, _)| {
        registration.set_onupdatefound(None);
    });
    // No explicit update(): the browser already checks the worker script after every
    // navigation to a page it controls, and a second check would only cost another request.
}

/// Asks the waiting worker to take over; the page reloads once when it has.
pub fn apply_update() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let lookup = window.navigator().service_worker().get_registration();
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(lookup).await else {
            return;
        };
        let Some(waiting) = registration
            .dyn_ref::<ServiceWorkerRegistration>()
            .and_then(ServiceWorkerRegistration::waiting)
        else {
            return;
        };
        RELOAD_ON_CHANGE.with(|flag| flag.set(true));
        skip_waiting(&waiting);
    });
}

fn skip_waiting(worker: &ServiceWorker) {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &SKIP_WAITING_MESSAGE.into());
    let _ = worker.post_message(&message);
}

/// Probes the server now and whenever the browser's online status changes.
fn watch_connectivity(state: RwSignal<OfflineState>) {
    probe(state);
    let online = window_event_listener(leptos::ev::online, move |_| probe(state));
    let offline = window_event_listener(leptos::ev::offline, move |_| probe(state));
    on_cleanup(move || {
        online.remove();
        offline.remove();
    });
}

/// A request the worker lets through ([`PROBE_PARAM`]): it fails only when the server is
/// unreachable.
fn probe(state: RwSignal<OfflineState>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = web_sys::RequestInit::new();
    init.set_method("HEAD");
    init.set_cache(web_sys::RequestCache::NoStore);
    // A whole number: formatting the clock's f64 would bring Rust's float printing into the
    // wasm for this one line.
    let url = format!("./?{PROBE_PARAM}={}", now_ms());
    let request = window.fetch_with_str_and_init(&url, &init);
    spawn_local(async move {
        let offline = JsFuture::from(request).await.is_err();
        state.update(|s| s.offline = offline);
    });
}
