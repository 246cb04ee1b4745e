//! Whether the server now sends a newer release of the app than the one this page runs. A lazy
//! module that cannot be fetched is then gone for good (the deploy replaced it), and only a
//! reload brings the app back: Try again would ask for the same missing file for ever.

use gloo_net::http::Request;
use web_sys::RequestCache;

use crate::prerender::PRERENDERED_ID;

/// Whether the page at this address, as the server sends it now, is this guide's page starting
/// another app than the one running here: it holds the guide rendered at build time, and its
/// module script, which names the app's content-hashed files, differs. `false` when the page
/// cannot be fetched (offline, where Try again is the right offer) or is something else (a
/// redirect, a captive portal's or a host's error page).
pub async fn newer_release_served() -> bool {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return false;
    };
    let running = document
        .query_selector("script[type=module]")
        .ok()
        .flatten()
        .and_then(|script| script.text_content())
        .unwrap_or_default();
    let address = document.url().unwrap_or_default();
    let address = address.split('#').next().unwrap_or_default();
    if running.trim().is_empty() || address.is_empty() {
        return false;
    }
    let guide_page = format!("id=\"{PRERENDERED_ID}\"");
    match Request::get(address)
        .cache(RequestCache::NoStore)
        .send()
        .await
    {
        Ok(response) if response.ok() && !response.redirected() => {
            response.text().await.is_ok_and(|page| {
                page.contains(&guide_page)
                    && page.contains("<script type=\"module\">")
                    && !page.contains(running.trim())
            })
        }
        _ => false,
    }
}

/// Reloads the page, which brings the release the server sends now.
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
