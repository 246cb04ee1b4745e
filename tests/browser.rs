//! The app mounted in headless Chromium: sections render from the data, text stays text, and a
//! failed fetch shows the error view with Retry.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use career_guide::data::decode_guide;
use career_guide::guide::GuidePage;
use career_guide::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const GUIDE_JSON: &str = include_str!("../public/data/guides/infrastructure-engineer.json");

/// A fresh element in the page for one test to mount into.
fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let element: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&element).unwrap();
    element
}

/// Lets the browser run pending tasks (fetches, effects) for `ms` milliseconds.
async fn wait(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until `selector` matches inside `root`, for up to five seconds.
async fn find(root: &web_sys::HtmlElement, selector: &str) -> web_sys::Element {
    for _ in 0..100 {
        if let Some(found) = root.query_selector(selector).unwrap() {
            return found;
        }
        wait(50).await;
    }
    panic!(
        "{selector} never appeared; the page holds: {}",
        root.inner_html()
    );
}

#[wasm_bindgen_test]
async fn every_section_renders_with_its_heading() {
    let guide = Arc::new(decode_guide("fixture", GUIDE_JSON).unwrap());
    let root = container();
    let sections = guide.sections.clone();
    let page = guide.clone();
    leptos::mount::mount_to(
        root.clone(),
        move || view! { <GuidePage guide=page.clone() /> },
    )
    .forget();
    for section in &sections {
        let heading = find(&root, &format!("#{}-heading", section.id)).await;
        assert_eq!(heading.text_content().unwrap(), section.title);
        let toc_link = find(&root, &format!("nav a[href='#{}']", section.id)).await;
        assert_eq!(toc_link.text_content().unwrap(), section.title);
    }
    let figures = find(&root, ".key-figures").await.text_content().unwrap();
    for figure in [
        "$95,360",
        "$57,620 - $147,500",
        "Job growth (10 years)+3%",
        "18,200",
        "451,360",
    ] {
        assert!(
            figures.contains(figure),
            "{figure} missing from the key figures: {figures}"
        );
    }
    let table = find(&root, ".bar-chart").await;
    assert_eq!(table.query_selector_all(".bar").unwrap().length(), 10);
}

#[wasm_bindgen_test]
async fn markup_in_the_data_is_shown_as_text() {
    let mut value: serde_json::Value = serde_json::from_str(GUIDE_JSON).unwrap();
    value["sections"][0]["title"] = "<img src=x onerror=alert(1)> Takeaways".into();
    let guide = Arc::new(decode_guide("fixture", &value.to_string()).unwrap());
    let root = container();
    leptos::mount::mount_to(
        root.clone(),
        move || view! { <GuidePage guide=guide.clone() /> },
    )
    .forget();
    let heading = find(&root, "#key-takeaways-heading").await;
    assert_eq!(
        heading.text_content().unwrap(),
        "<img src=x onerror=alert(1)> Takeaways"
    );
    assert!(root.query_selector("img").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_failed_fetch_shows_the_error_view_with_retry() {
    let root = container();
    leptos::mount::mount_to(
        root.clone(),
        || view! { <App data_url="no-such-dir/guide.json" /> },
    )
    .forget();
    let alert = find(&root, ".load-error").await;
    let text = alert.text_content().unwrap();
    assert!(
        text.contains("no-such-dir/guide.json"),
        "the error names the file: {text}"
    );
    assert!(
        text.contains("404"),
        "the error says what the server answered: {text}"
    );
    let retry: web_sys::HtmlElement = find(&root, "button.retry").await.unchecked_into();
    retry.click();
    // Retrying the same missing file fails again, visibly, rather than leaving a blank page.
    let again = find(&root, ".load-error").await;
    assert!(again
        .text_content()
        .unwrap()
        .contains("no-such-dir/guide.json"));
}

#[wasm_bindgen_test]
fn held_callbacks_are_released_when_their_scope_is_cleaned_up() {
    use career_guide::platform::lifetime::{hold_until_cleanup, in_scope};
    use std::cell::Cell;
    use std::rc::Rc;

    let released = Rc::new(Cell::new(0));
    let page = Owner::new();
    let effect_run = page.child();
    let flag = released.clone();
    // Held from inside an effect's run, but in the page's scope: it outlives that run.
    effect_run.with(|| {
        in_scope(Some(&page), || {
            hold_until_cleanup("observer", move |held| {
                assert_eq!(held, "observer");
                flag.set(flag.get() + 1);
            })
        })
    });
    effect_run.cleanup();
    assert_eq!(
        released.get(),
        0,
        "the effect's run going does not release it"
    );
    page.cleanup();
    assert_eq!(
        released.get(),
        1,
        "the page's scope going releases it, once"
    );
    page.cleanup();
    assert_eq!(released.get(), 1);
}
