//! Plain-language notices about where progress is kept: each [`Notice`] becomes words (a pure
//! function), and one view shows them all.

use std::sync::Arc;

use leptos::prelude::*;

use super::storage::Notice;
use crate::platform::parts::{part_entry, part_once, Maker, PartMissing};
use crate::platform::release::reload;

/// A notice in words: a bold lead, what happened, what it means (around the backup key, when
/// there is one), and whether to offer an export.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Words {
    lead: &'static str,
    detail: String,
    before_key: &'static str,
    key: Option<String>,
    after_key: String,
    export: bool,
    /// Whether to offer a reload (which brings the newer release that wrote the progress).
    reload: bool,
    /// Whether to offer the share dialog, whose link carries the progress elsewhere.
    share: bool,
}

impl Words {
    fn new(lead: &'static str, detail: String, meaning: impl Into<String>, export: bool) -> Self {
        Words {
            lead,
            detail,
            before_key: "",
            key: None,
            after_key: meaning.into(),
            export,
            reload: false,
            share: false,
        }
    }
}

/// What `notice` says to the reader.
fn words(notice: Notice) -> Words {
    match notice {
        Notice::Recovered {
            problem,
            backup_key,
        } => Words {
            lead: "Some saved progress could not be read. ",
            detail: problem,
            before_key: "Nothing was thrown away: the original is kept in this browser's storage under the key ",
            key: Some(backup_key),
            after_key: ". The checklist below starts from what could be recovered.".into(),
            export: false,
            reload: false,
            share: false,
        },
        Notice::NotSaved { reason } => Words {
            share: true,
            ..Words::new(
                "Progress will not be saved here: ",
                format!("{reason}."),
                "The checklist still works, but changes last only until this page closes. To keep them, Share or move my progress makes a link that carries them to the full guide or to another browser.",
                true,
            )
        },
        Notice::ThisSiteOnly => Words {
            share: true,
            ..Words::new(
                "Progress here is kept for this site only. ",
                "This browser keeps what you mark in this embedded checklist apart from the full guide and from other sites.".to_owned(),
                "To carry it to the full guide, use Share or move my progress: its link opens the full guide with your progress.",
                false,
            )
        },
        Notice::ReadOnly { reason, unread } => Words::new(
            "New changes are not being saved: ",
            format!("{reason}."),
            match unread {
                None => "Your saved progress is shown and left as it is; changes you make now last only until this page closes.".to_owned(),
                Some(problem) => format!("{problem} It could not be backed up, so it was left untouched, and changes you make now last only until this page closes."),
            },
            true,
        ),
        Notice::OtherTabUnreadable { problem } => Words::new(
            "Another tab saved progress this page cannot read. ",
            problem,
            "To keep it safe, changes made here are no longer saved. Reload this page to pick it up.",
            true,
        ),
        Notice::SavedByNewer { version } => Words {
            reload: true,
            ..Words::new(
                "Your progress was saved by a newer version of this guide. ",
                format!("It is in format {version}, which this page cannot read."),
                "To keep it safe, this page shows none of it and saves nothing. Reload to get the newer version, with your progress.",
                true,
            )
        },
    }
}

/// The storage notices, each with what it means for the reader: their words are a part of the
/// app of its own (`platform::parts`), fetched at the first notice.
#[component]
pub fn StorageNotices(
    notices: RwSignal<Vec<Notice>>,
    on_export: Callback<()>,
    on_share: Callback<()>,
) -> impl IntoView {
    let fetch = Arc::new(move || Box::pin(notices_part(notices, on_export, on_share)) as _);
    let any = Signal::derive(move || notices.with(|notices| !notices.is_empty()));
    part_once(any, fetch, None)
}

part_entry! {
    notices,
    /// The notices' part.
    fn notices_part(
        notices: RwSignal<Vec<Notice>>,
        on_export: Callback<()>,
        on_share: Callback<()>,
    ) -> Result<Maker, PartMissing> {
        Ok(Arc::new(move || notice_list(notices, on_export, on_share)))
    }
}

/// Each notice in words.
fn notice_list(
    notices: RwSignal<Vec<Notice>>,
    on_export: Callback<()>,
    on_share: Callback<()>,
) -> AnyView {
    (move || {
        notices
            .get()
            .into_iter()
            .map(|notice| {
                let said = words(notice);
                view! {
                    <div class="notice warning" role="alert">
                        <p><strong>{said.lead}</strong>{said.detail}</p>
                        <p>{said.before_key}{said.key.map(|key| view! { <code>{key}</code> }.into_any())}{said.after_key}</p>
                        {said.share.then(|| view! {
                            <button type="button" on:click=move |_| on_share.run(())>"Share or move my progress…"</button>
                        }.into_any())}
                        {said.reload.then(|| view! {
                            <button type="button" on:click=|_| reload()>"Reload"</button>
                        }.into_any())}
                        {said.export.then(|| view! {
                            <button type="button" on:click=move |_| on_export.run(())>"Export progress to a file"</button>
                        }.into_any())}
                    </div>
                }.into_any()
            })
            .collect_view()
    })
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_notice_says_what_happened_and_what_it_means() {
        let recovered = words(Notice::Recovered {
            problem: "It is not JSON.".into(),
            backup_key: "career-guide:roadmap:backup:1-ab".into(),
        });
        assert_eq!(
            recovered.key.as_deref(),
            Some("career-guide:roadmap:backup:1-ab")
        );
        assert!(!recovered.export);
        let full = words(Notice::ReadOnly {
            reason: "this browser's storage for this site is full".into(),
            unread: None,
        });
        assert_eq!(full.detail, "this browser's storage for this site is full.");
        assert!(full.after_key.starts_with("Your saved progress is shown"));
        assert!(full.export);
        let damaged = words(Notice::ReadOnly {
            reason: "full".into(),
            unread: Some("It is not JSON.".into()),
        });
        assert!(damaged
            .after_key
            .starts_with("It is not JSON. It could not be backed up"));
        let other = words(Notice::OtherTabUnreadable {
            problem: "It is version 2.".into(),
        });
        assert!(other.lead.starts_with("Another tab"));
        assert!(other.export);
        let partitioned = words(Notice::ThisSiteOnly);
        assert!(partitioned.lead.contains("this site only") && partitioned.share);
        assert!(
            words(Notice::NotSaved {
                reason: "blocked".into()
            })
            .share
        );
        let newer = words(Notice::SavedByNewer { version: 2 });
        assert!(newer.lead.contains("newer version"));
        assert!(newer.after_key.contains("saves nothing"));
        assert!(newer.reload && newer.export);
    }
}
