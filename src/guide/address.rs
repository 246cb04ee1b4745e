//! Where a guide's page sits below the site's root, so that its in-page links land on it.
//!
//! Every page has `<base href>` at the site's root (the app's files, the data and the worker are
//! found from there, also under a sub-path). A link written `#faq` would then resolve to the
//! root, which on a guide's own page (`/infrastructure-engineer/`) is another page. So in-page
//! links are written `{path}#faq`, `path` being this page's place below the root: they resolve to
//! this very page, and a browser jumps without loading anything, with JavaScript or without.

/// The page's path below the site's root: `""` at the root, `"infrastructure-engineer/"` on a
/// guide's own page. Provided in the context by whoever renders the page (the build, the app).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PagePath(pub String);

impl PagePath {
    /// The link to the element `id` of this page.
    pub fn link_to(&self, id: &str) -> String {
        format!("{}#{id}", self.0)
    }

    /// The fragment (with its `#`) an in-page link `href` of this page goes to, or `None` when
    /// `href` leads elsewhere.
    pub fn fragment_of<'a>(&self, href: &'a str) -> Option<&'a str> {
        href.strip_prefix(self.0.as_str())
            .filter(|rest| rest.starts_with('#'))
    }

    /// The path of the page at `location` (its address without query and fragment) below the
    /// site's root `base` (the page's base URL); `""` when it is not below it.
    pub fn of(base: &str, location: &str) -> Self {
        let page = location.split(['?', '#']).next().unwrap_or(location);
        let base = base.split(['?', '#']).next().unwrap_or(base);
        let dir = &base[..base.rfind('/').map_or(0, |at| at + 1)];
        let path = page.strip_prefix(dir).unwrap_or_default();
        // `/x/index.html` is the page `/x/`, whose links were written for that address.
        Self(path.strip_suffix("index.html").unwrap_or(path).to_owned())
    }

    /// This page's path, from the document's base URL and address (browser only).
    pub fn current() -> Self {
        let Some(document) = web_sys::window().and_then(|window| window.document()) else {
            return Self::default();
        };
        let base = document.base_uri().ok().flatten().unwrap_or_default();
        let location = document.url().unwrap_or_default();
        Self::of(&base, &location)
    }
}

/// The guide's own page below the site's root, `"infrastructure-engineer/"`: what links made
/// for other sites (embeds) point at, whichever address the reader has it open at. Provided in
/// the context by the app.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OwnPage(pub String);

impl OwnPage {
    /// The own page of the guide `slug`.
    pub fn of(slug: &str) -> Self {
        Self(format!("{slug}/"))
    }

    /// The guide's slug.
    pub fn slug(&self) -> &str {
        self.0.trim_end_matches('/')
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_page_at_the_root_or_below_it_links_to_itself() {
        let root = PagePath::of("https://x.org/", "https://x.org/?metric=employed#faq");
        assert_eq!(root, PagePath(String::new()));
        assert_eq!(root.link_to("faq"), "#faq");
        let guide = PagePath::of(
            "https://x.org/career-guide/",
            "https://x.org/career-guide/data-engineer/#roadmap",
        );
        assert_eq!(guide.0, "data-engineer/");
        assert_eq!(guide.link_to("faq"), "data-engineer/#faq");
        assert_eq!(guide.fragment_of("data-engineer/#faq"), Some("#faq"));
        assert_eq!(guide.fragment_of("#faq"), None, "the root's section");
        assert_eq!(guide.fragment_of("data-engineer/other"), None);
        assert_eq!(root.fragment_of("#faq"), Some("#faq"));
        assert_eq!(root.fragment_of("data-engineer/#faq"), None);
        assert_eq!(
            PagePath::of("https://x.org/", "https://x.org/index.html?a=1").0,
            ""
        );
        assert_eq!(
            PagePath::of("https://x.org/", "https://x.org/data-engineer/index.html").0,
            "data-engineer/"
        );
        assert_eq!(
            PagePath::of("https://x.org/a/", "https://y.org/a/b/"),
            PagePath::default(),
            "not below the base"
        );
    }
}
