//! "On this page": links to every section, the one being read highlighted.

use leptos::prelude::*;

use super::address::PagePath;
use super::model::TocEntry;

/// The table of contents; `active` is the id of the section being read.
#[component]
pub fn TableOfContents(
    entries: Vec<TocEntry>,
    active: ReadSignal<Option<String>>,
) -> impl IntoView {
    let path = use_context::<PagePath>().unwrap_or_default();
    view! {
        <nav class="toc" aria-labelledby="toc-heading">
            <h2 id="toc-heading">"On this page"</h2>
            <ol>
                {entries
                    .into_iter()
                    .map(|entry| {
                        let id = entry.id.clone();
                        let is_active = move || active.get().as_deref() == Some(id.as_str());
                        view! {
                            <li>
                                <a
                                    href=path.link_to(&entry.id)
                                    class:active=is_active.clone()
                                    aria-current=move || is_active().then_some("location")
                                >
                                    {entry.title}
                                </a>
                            </li>
                        }.into_any()
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
