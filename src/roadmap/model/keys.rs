//! Where each guide's progress lives in localStorage: its own key and its backups' prefix, so
//! that guides never read or write each other's; and the one key of the time the site served a
//! single guide, whose value moves to that guide.

/// What every key the app keeps in localStorage starts with.
pub const STORAGE_PREFIX: &str = "career-guide:";

/// The key of the progress saved before each guide had its own (one guide, the site's root).
pub const LEGACY_KEY: &str = "career-guide:roadmap";

/// The localStorage keys of one guide's progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressKeys {
    /// The saved document.
    pub doc: String,
    /// Unreadable values of `doc` are kept aside under this prefix (see `backups`).
    pub backup_prefix: String,
}

impl ProgressKeys {
    /// The keys of the guide `slug` (kebab-case, as its data file is named): no two guides'
    /// keys meet, nor meet the legacy ones.
    pub fn of(slug: &str) -> Self {
        let doc = format!("{STORAGE_PREFIX}{slug}:roadmap");
        Self {
            backup_prefix: format!("{doc}:backup:"),
            doc,
        }
    }

    /// The keys used when the site served one guide ([`LEGACY_KEY`]).
    pub fn legacy() -> Self {
        Self {
            doc: LEGACY_KEY.to_owned(),
            backup_prefix: format!("{LEGACY_KEY}:backup:"),
        }
    }

    /// Whether `key` is one of these: the document or one of its backups.
    pub fn holds(&self, key: &str) -> bool {
        key == self.doc || key.starts_with(&self.backup_prefix)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn each_guide_has_its_own_keys_and_the_legacy_ones_are_todays() {
        let keys = ProgressKeys::of("infrastructure-engineer");
        assert_eq!(keys.doc, "career-guide:infrastructure-engineer:roadmap");
        assert_eq!(
            keys.backup_prefix,
            "career-guide:infrastructure-engineer:roadmap:backup:"
        );
        let legacy = ProgressKeys::legacy();
        assert_eq!(legacy.doc, "career-guide:roadmap");
        assert_eq!(legacy.backup_prefix, "career-guide:roadmap:backup:");
        assert!(legacy.holds("career-guide:roadmap:backup:5-abc"));
        assert!(!legacy.holds(&keys.doc));
        assert!(LEGACY_KEY.starts_with(STORAGE_PREFIX));
    }

    /// A slug as the build accepts one: kebab-case.
    fn slug() -> impl Strategy<Value = String> {
        "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}"
    }

    proptest! {
        #[test]
        fn no_key_of_one_guide_is_another_guides_or_the_legacy_ones(a in slug(), b in slug(), suffix in "[0-9a-f-]{0,20}") {
            let (ka, kb, legacy) = (ProgressKeys::of(&a), ProgressKeys::of(&b), ProgressKeys::legacy());
            for key in [ka.doc.clone(), format!("{}{suffix}", ka.backup_prefix)] {
                prop_assert!(ka.holds(&key));
                prop_assert!(!legacy.holds(&key), "{key} is a legacy key");
                if a != b {
                    prop_assert!(!kb.holds(&key), "{key} is also {b}'s");
                }
            }
            for key in [legacy.doc.clone(), format!("{}{suffix}", legacy.backup_prefix)] {
                prop_assert!(!ka.holds(&key), "{key} is also {a}'s");
            }
        }
    }
}
