//! Fetches a data file over the network (the only place in the app that does).

use gloo_net::http::Request;

use super::content_tag::content_tag;
use super::decode::decode_guide;
use super::error::{DataError, Problem};
use super::types::Guide;

/// Where the guides' data files live, relative to the page's `<base>` (the site's root) so the
/// app also works under a sub-path: one file per guide, named by its slug.
pub const GUIDES_DIR: &str = "data/guides";

/// The slug of the guide whose data file is at `url`: the file's name without `.json`.
pub fn slug_of(url: &str) -> &str {
    let name = url.rsplit('/').next().unwrap_or(url);
    name.strip_suffix(".json").unwrap_or(name)
}

/// The data file of the guide `slug` (`infrastructure-engineer`), as the page fetches it.
pub fn guide_url(slug: &str) -> String {
    format!("{GUIDES_DIR}/{slug}.json")
}

/// The guide as fetched: decoded, with the tag of the file's text.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub guide: Guide,
    /// [`content_tag`] of the file: equal to the build's when it is the same file.
    pub tag: String,
}

/// Fetches and decodes the guide data from `url`.
pub async fn fetch_guide(url: &str) -> Result<Fetched, DataError> {
    let fail = |problem| DataError {
        file: url.to_owned(),
        problem,
    };
    let response = Request::get(url)
        .send()
        .await
        .map_err(|error| fail(Problem::Unreachable(error.to_string())))?;
    if !response.ok() {
        return Err(fail(Problem::Status {
            code: response.status(),
            text: response.status_text(),
        }));
    }
    let text = response
        .text()
        .await
        .map_err(|error| fail(Problem::Unreachable(error.to_string())))?;
    Ok(Fetched {
        guide: decode_guide(url, &text)?,
        tag: content_tag(&text),
    })
}
