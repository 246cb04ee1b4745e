//! Which pages a build makes from the guides it finds: each guide at `/<slug>/`; at the root the
//! one guide, or, with two or more, an index of them. The guide the root showed while the site
//! had one (`root_guide` in `public/data/site.json`) keeps the root's old links and the progress
//! saved then.

use std::fmt;

/// The pages of a site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitePlan {
    /// Every guide's slug, sorted: each has a page at `<slug>/`.
    pub guides: Vec<String>,
    /// What the root shows.
    pub root: Root,
    /// The guide the root's old links (`#section`, `?metric=`, `?embed=`, progress links) reach.
    pub root_guide: String,
    /// The guide heir to the progress saved before guides had their own keys: the `root_guide`
    /// site.json names when it names one of the guides, else (no site.json) the one guide.
    pub heir: Option<String>,
}

/// What the site's root shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Root {
    /// The site's one guide.
    Guide,
    /// An index of the guides.
    Index,
}

/// Why a site cannot be built from the guides found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteError {
    /// No guide's data file.
    NoGuide,
    /// Files whose names are not slugs (kebab-case: `a-z`, `0-9` and single hyphens inside).
    BadSlugs(Vec<String>),
    /// Two or more guides and no `root_guide` naming one of them.
    NoRootGuide { named: Option<String> },
}

impl fmt::Display for SiteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoGuide => f.write_str("there is no guide's data file (<slug>.json)"),
            Self::BadSlugs(names) => write!(
                f,
                "these file names are not slugs (kebab-case, like data-engineer.json): {}",
                names.join(", ")
            ),
            Self::NoRootGuide { named: None } => f.write_str(
                "with two or more guides, site.json must name the guide the site's root showed \
                 (\"root_guide\"), whose old links and saved progress it keeps",
            ),
            Self::NoRootGuide { named: Some(slug) } => {
                write!(
                    f,
                    "site.json's root_guide, \"{slug}\", is not one of the guides"
                )
            }
        }
    }
}

impl std::error::Error for SiteError {}

/// Whether `name` is a slug: kebab-case, as a guide's file and address are named.
pub fn is_slug(name: &str) -> bool {
    !name.is_empty()
        && name.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The pages for the guides named `slugs` (file names without `.json`), given the site's
/// `root_guide` when it names one.
pub fn plan_site(slugs: &[String], root_guide: Option<&str>) -> Result<SitePlan, SiteError> {
    let bad: Vec<String> = slugs.iter().filter(|s| !is_slug(s)).cloned().collect();
    if !bad.is_empty() {
        return Err(SiteError::BadSlugs(bad));
    }
    let mut guides = slugs.to_vec();
    guides.sort();
    guides.dedup();
    let named = root_guide.filter(|slug| guides.iter().any(|g| g == slug));
    match guides.as_slice() {
        [] => Err(SiteError::NoGuide),
        [only] => Ok(SitePlan {
            root_guide: only.clone(),
            // The progress saved then was the named guide's: with another alone, no guide's.
            heir: match root_guide {
                None => Some(only.clone()),
                Some(_) => named.map(str::to_owned),
            },
            guides: guides.clone(),
            root: Root::Guide,
        }),
        _ => match root_guide {
            Some(slug) if named.is_some() => Ok(SitePlan {
                root_guide: slug.to_owned(),
                heir: Some(slug.to_owned()),
                guides,
                root: Root::Index,
            }),
            named => Err(SiteError::NoRootGuide {
                named: named.map(str::to_owned),
            }),
        },
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn slugs(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn one_guide_is_the_root() {
        let plan = plan_site(&slugs(&["infrastructure-engineer"]), None).unwrap();
        assert_eq!(plan.root, Root::Guide);
        assert_eq!(plan.root_guide, "infrastructure-engineer");
        assert_eq!(plan.heir.as_deref(), Some("infrastructure-engineer"));
        // A root_guide naming another guide: the root still shows the one guide, but the
        // progress saved then was the other's, not this one's.
        let other = plan_site(&slugs(&["a"]), Some("b")).unwrap();
        assert_eq!((other.root, other.heir), (Root::Guide, None));
        assert_eq!(
            plan_site(&slugs(&["a"]), Some("a"))
                .unwrap()
                .heir
                .as_deref(),
            Some("a")
        );
    }

    #[test]
    fn two_guides_make_an_index_and_keep_the_root_guide() {
        let plan = plan_site(
            &slugs(&["zeta", "infrastructure-engineer"]),
            Some("infrastructure-engineer"),
        )
        .unwrap();
        assert_eq!(plan.root, Root::Index);
        assert_eq!(plan.guides, slugs(&["infrastructure-engineer", "zeta"]));
        assert_eq!(plan.root_guide, "infrastructure-engineer");
        assert_eq!(plan.heir.as_deref(), Some("infrastructure-engineer"));
        assert_eq!(
            plan_site(&slugs(&["a", "b"]), None),
            Err(SiteError::NoRootGuide { named: None })
        );
        assert_eq!(
            plan_site(&slugs(&["a", "b"]), Some("c")),
            Err(SiteError::NoRootGuide {
                named: Some("c".into())
            })
        );
    }

    #[test]
    fn names_that_are_not_slugs_are_refused_together() {
        assert_eq!(plan_site(&[], None), Err(SiteError::NoGuide));
        assert_eq!(
            plan_site(&slugs(&["Data_Engineer", "ok", "-x", "a--b", "é"]), None),
            Err(SiteError::BadSlugs(slugs(&[
                "Data_Engineer",
                "-x",
                "a--b",
                "é"
            ])))
        );
        assert!(is_slug("site-reliability-engineer2"));
    }
}
