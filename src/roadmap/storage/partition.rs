//! Whether this page's storage is kept apart from the same site's top-level pages (a frame in
//! another site's page), so that progress saved here is not the full guide's.

use wasm_bindgen::JsCast;

/// Whether this page is a frame whose storage the browser keeps apart from the same site's
/// top-level pages (storage partitioning): a frame in another site's page (Chromium partitions
/// those whatever its cookie settings), or one whose `document.hasStorageAccess()` says no.
pub async fn partitioned() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let framed = window.top().ok().flatten().is_some_and(|top| top != window);
    let Some(document) = window.document().filter(|_| framed) else {
        return false;
    };
    if top_is_another_site(&window) {
        return true;
    }
    let asked = js_sys::Reflect::get(&document, &"hasStorageAccess".into())
        .ok()
        .and_then(|method| method.dyn_into::<js_sys::Function>().ok())
        .and_then(|method| method.call0(&document).ok())
        .and_then(|promise| promise.dyn_into::<js_sys::Promise>().ok());
    match asked {
        Some(promise) => wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .is_ok_and(|access| access.as_bool() == Some(false)),
        None => false,
    }
}

/// Whether the top-level page is on another site than this frame, as far as
/// `location.ancestorOrigins` tells (Chromium and Safari have it).
fn top_is_another_site(window: &web_sys::Window) -> bool {
    let location = window.location();
    let get = |target: &wasm_bindgen::JsValue, key: wasm_bindgen::JsValue| {
        js_sys::Reflect::get(target, &key).ok()
    };
    let Some(origins) = get(&location, "ancestorOrigins".into()) else {
        return false;
    };
    let count = get(&origins, "length".into())
        .and_then(|length| length.as_f64())
        .unwrap_or(0.0) as u32;
    let top = (count > 0)
        .then(|| get(&origins, (count - 1).into()))
        .flatten()
        .and_then(|origin| origin.as_string());
    match (top, location.origin().ok()) {
        (Some(top), Some(ours)) => site(&top) != site(&ours),
        _ => false,
    }
}

/// An origin's site, near enough: its scheme and the last two labels of its host (the whole
/// host when it is an address or a single name), without the port.
fn site(origin: &str) -> (String, String) {
    let (scheme, rest) = origin.split_once("://").unwrap_or(("", origin));
    let host = rest.rsplit_once(':').map_or(rest, |(host, _)| host);
    let labels: Vec<&str> = host.split('.').collect();
    let numeric = host
        .bytes()
        .all(|byte| byte.is_ascii_digit() || byte == b'.');
    let registrable = if numeric || labels.len() <= 2 {
        host.to_owned()
    } else {
        labels[labels.len() - 2..].join(".")
    };
    (scheme.to_owned(), registrable)
}

#[cfg(test)]
mod tests {
    use super::site;

    #[test]
    fn sites_are_told_apart_by_scheme_and_registrable_name() {
        assert_eq!(
            site("https://guide.example.org"),
            site("https://blog.example.org:8443")
        );
        assert_ne!(site("https://example.org"), site("http://example.org"));
        assert_ne!(site("http://127.0.0.1:8080"), site("http://localhost:8080"));
        assert_eq!(site("http://127.0.0.1:8080"), site("http://127.0.0.1:9090"));
        assert_ne!(site("https://a.example.org"), site("https://a.example.net"));
    }
}
