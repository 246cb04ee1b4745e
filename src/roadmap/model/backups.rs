//! Keeping unreadable saved values aside: each distinct value once, a few at most.
//!
//! A backup's key is the guide's backup prefix (`super::ProgressKeys`) with the time it was made
//! and a tag of its content (`career-guide:<slug>:roadmap:backup:<ms>-<tag>`), so the same bytes
//! are never copied twice, however often the page is opened, and the oldest backups go first
//! when there are too many.

/// The most backups kept; making one more removes the oldest.
pub const MAX_BACKUPS: usize = 3;

pub use crate::data::content_tag;

/// The key under `prefix` for a backup of `text` made at `now` (Unix milliseconds).
pub fn backup_key(prefix: &str, now: u64, text: &str) -> String {
    format!("{prefix}{now}-{}", content_tag(text))
}

/// What a backup key says about itself: when it was made, and its content tag if it has one
/// (keys written before tags existed are `<prefix><ms>`). `None` for keys of another shape.
fn parse_key<'a>(prefix: &str, key: &'a str) -> Option<(u64, Option<&'a str>)> {
    let rest = key.strip_prefix(prefix)?;
    let (time, tag) = match rest.split_once('-') {
        Some((time, tag)) => (time, Some(tag)),
        None => (rest, None),
    };
    Some((time.parse().ok()?, tag))
}

/// What to do so that `text` is kept aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupPlan {
    /// A backup under this key already holds exactly `text`: nothing to write.
    Kept(String),
    /// Remove these older backups (oldest first), then write `text` under `key`.
    Write { key: String, remove: Vec<String> },
}

/// Plans the backup under `prefix` of `text` at `now`, given every key in storage (`keys`) and a
/// way to compare a stored backup with `text` (`holds(key)`: whether that key's value is
/// `text`). Only keys of a backup's shape under `prefix` are considered; others are never removed.
pub fn plan_backup<'a>(
    prefix: &str,
    keys: impl IntoIterator<Item = &'a str>,
    text: &str,
    now: u64,
    holds: impl Fn(&str) -> bool,
) -> BackupPlan {
    let tag = content_tag(text);
    let mut backups: Vec<(u64, &str)> = Vec::new();
    for key in keys {
        let Some((time, key_tag)) = parse_key(prefix, key) else {
            continue;
        };
        // A tag that differs proves different content; an untagged key must be compared.
        if key_tag.is_none_or(|key_tag| key_tag == tag) && holds(key) {
            return BackupPlan::Kept(key.to_owned());
        }
        backups.push((time, key));
    }
    backups.sort();
    let excess = (backups.len() + 1).saturating_sub(MAX_BACKUPS);
    BackupPlan::Write {
        key: backup_key(prefix, now, text),
        remove: backups[..excess]
            .iter()
            .map(|(_, key)| (*key).to_owned())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The backups of the one guide of before: the keys tests wrote before guides had their own.
    const P: &str = "career-guide:roadmap:backup:";

    #[test]
    fn keys_carry_the_time_and_a_tag_of_the_content() {
        let key = backup_key(P, 1234, "{broken");
        assert!(
            key.starts_with("career-guide:roadmap:backup:1234-"),
            "{key}"
        );
        assert_eq!(key.len(), P.len() + "1234-".len() + 16);
        assert_eq!(backup_key(P, 1234, "{broken"), key);
        assert_ne!(backup_key(P, 1234, "{broken!"), key);
        assert_eq!(
            parse_key(P, &key),
            Some((1234, Some(content_tag("{broken").as_str())))
        );
        assert_eq!(
            parse_key(P, "career-guide:roadmap:backup:99"),
            Some((99, None))
        );
        assert_eq!(parse_key(P, "career-guide:roadmap:backup:soon"), None);
        assert_eq!(parse_key(P, "career-guide:roadmap"), None);
    }

    #[test]
    fn the_same_value_is_never_copied_twice() {
        let text = "{\"version\": 1, \"items\": {";
        let first = backup_key(P, 10, text);
        let stored = [(first.as_str(), text), ("other", "x")];
        let holds = |key: &str| stored.iter().any(|(k, v)| *k == key && *v == text);
        assert_eq!(
            plan_backup(P, stored.iter().map(|(k, _)| *k), text, 99, holds),
            BackupPlan::Kept(first.clone())
        );
        // A backup from before tags existed is found by its content too.
        let legacy = [("career-guide:roadmap:backup:5", text)];
        let holds = |key: &str| legacy.iter().any(|(k, v)| *k == key && *v == text);
        assert_eq!(
            plan_backup(P, legacy.iter().map(|(k, _)| *k), text, 99, holds),
            BackupPlan::Kept("career-guide:roadmap:backup:5".into())
        );
    }

    #[test]
    fn at_most_three_are_kept_and_the_oldest_go_first() {
        let keys = [
            backup_key(P, 300, "c"),
            "career-guide:roadmap:backup:100".to_owned(),
            backup_key(P, 200, "b"),
            "career-guide:roadmap".to_owned(),
            "career-guide:roadmap:backup:not-a-time".to_owned(),
        ];
        let plan = plan_backup(P, keys.iter().map(String::as_str), "d", 400, |_| false);
        assert_eq!(
            plan,
            BackupPlan::Write {
                key: backup_key(P, 400, "d"),
                remove: vec!["career-guide:roadmap:backup:100".into()],
            }
        );
        let plan = plan_backup(P, [backup_key(P, 1, "a").as_str()], "d", 2, |_| false);
        assert_eq!(
            plan,
            BackupPlan::Write {
                key: backup_key(P, 2, "d"),
                remove: vec![],
            }
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    const P: &str = "career-guide:any-guide:roadmap:backup:";

    proptest! {
        /// Backing up any sequence of values, each as often as it comes, leaves each distinct
        /// value at most once, never more than MAX_BACKUPS backups, and always the latest one.
        #[test]
        fn backups_stay_few_and_distinct(values in proptest::collection::vec("[ab]{0,3}", 1..20)) {
            let mut stored: Vec<(String, String)> = Vec::new();
            for (now, text) in values.iter().enumerate() {
                let keys: Vec<String> = stored.iter().map(|(k, _)| k.clone()).collect();
                let holds = |key: &str| stored.iter().any(|(k, v)| k == key && v == text);
                match plan_backup(P, keys.iter().map(String::as_str), text, now as u64, holds) {
                    BackupPlan::Kept(key) => prop_assert!(stored.iter().any(|(k, v)| *k == key && v == text)),
                    BackupPlan::Write { key, remove } => {
                        stored.retain(|(k, _)| !remove.contains(k));
                        stored.push((key, text.clone()));
                    }
                }
                prop_assert!(stored.len() <= MAX_BACKUPS);
                prop_assert!(stored.iter().any(|(_, v)| v == text));
                let mut contents: Vec<&String> = stored.iter().map(|(_, v)| v).collect();
                contents.sort();
                contents.dedup();
                prop_assert_eq!(contents.len(), stored.len());
            }
        }
    }
}
