//! The chart's view state and its place in the URL query, so a copied link reopens the same view.

use super::metric::Metric;
use super::rows::SortOrder;
use crate::query::{key_of, pairs};

/// Which of the three presentations is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChartView {
    #[default]
    Chart,
    Table,
    Map,
}

impl ChartView {
    /// Every view, as the tabs list them.
    pub const ALL: [ChartView; 3] = [ChartView::Chart, ChartView::Table, ChartView::Map];

    /// The view's name in a URL.
    pub fn key(self) -> &'static str {
        match self {
            ChartView::Chart => "chart",
            ChartView::Table => "table",
            ChartView::Map => "map",
        }
    }

    /// The view's name for a reader.
    pub fn label(self) -> &'static str {
        match self {
            ChartView::Chart => "Chart",
            ChartView::Table => "Table",
            ChartView::Map => "Map",
        }
    }

    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|view| view.key() == key)
    }
}

/// Everything a reader can change about the salary chart.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChartState {
    pub metric: Metric,
    pub sort: SortOrder,
    pub view: ChartView,
    /// The highlighted state's code, e.g. "TX".
    pub highlight: Option<String>,
}

/// The query parameters the chart owns; any other parameter in the URL is left alone. (The
/// page's start script starts the app at once when a link carries one of them.)
pub const KEYS: [&str; 4] = ["metric", "sort", "view", "state"];

impl ChartState {
    /// Reads the state from a query string (`?metric=employed&sort=asc`); unknown or malformed
    /// values fall back to the defaults, and a highlight must be one of `known_codes`.
    pub fn from_query(query: &str, known_codes: &[&str]) -> Self {
        let mut state = Self::default();
        for (key, value) in pairs(query) {
            match key.as_str() {
                "metric" => state.metric = Metric::from_key(&value).unwrap_or_default(),
                "sort" => state.sort = SortOrder::from_key(&value).unwrap_or_default(),
                "view" => state.view = ChartView::from_key(&value).unwrap_or_default(),
                "state" => {
                    let code = value.to_ascii_uppercase();
                    state.highlight = known_codes.contains(&code.as_str()).then_some(code);
                }
                _ => {}
            }
        }
        state
    }

    /// The query string for this state, keeping `existing`'s other parameters and leaving out
    /// defaults; empty when nothing remains. Starts with `?` otherwise.
    pub fn to_query(&self, existing: &str) -> String {
        let mut parts: Vec<String> = existing
            .trim_start_matches('?')
            .split('&')
            .filter(|part| !part.is_empty())
            .filter(|part| !KEYS.contains(&key_of(part).as_str()))
            .map(str::to_owned)
            .collect();
        let defaults = Self::default();
        if self.metric != defaults.metric {
            parts.push(format!("metric={}", self.metric.key()));
        }
        if self.sort != defaults.sort {
            parts.push(format!("sort={}", self.sort.key()));
        }
        if self.view != defaults.view {
            parts.push(format!("view={}", self.view.key()));
        }
        if let Some(code) = &self.highlight {
            parts.push(format!("state={code}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODES: [&str; 3] = ["CA", "TX", "NY"];

    #[test]
    fn defaults_are_left_out_of_the_url() {
        assert_eq!(ChartState::default().to_query(""), "");
        assert_eq!(ChartState::from_query("", &CODES), ChartState::default());
    }

    #[test]
    fn a_state_round_trips_through_the_url() {
        let state = ChartState {
            metric: Metric::Difference,
            sort: SortOrder::Name,
            view: ChartView::Map,
            highlight: Some("TX".into()),
        };
        let query = state.to_query("");
        assert_eq!(query, "?metric=difference&sort=name&view=map&state=TX");
        assert_eq!(ChartState::from_query(&query, &CODES), state);
    }

    #[test]
    fn other_parameters_are_kept() {
        let state = ChartState {
            metric: Metric::Employed,
            ..ChartState::default()
        };
        assert_eq!(
            state.to_query("?embed=chart&metric=salary&theme=dark"),
            "?embed=chart&theme=dark&metric=employed"
        );
        assert_eq!(
            ChartState::default().to_query("?embed=chart&view=map"),
            "?embed=chart"
        );
    }

    #[test]
    fn garbage_falls_back_to_defaults() {
        for query in [
            "?metric=bogus",
            "?metric=",
            "?sort=%ZZ&view=chart",
            "?metric=SALARY&sort=up&view=3d&state=ZZ",
            "?state=<script>",
            "?=&&&metric",
            "?%",
            "?metric=%E2%82",
            "?metric=%E9%E9",
        ] {
            assert_eq!(
                ChartState::from_query(query, &CODES),
                ChartState::default(),
                "{query}"
            );
        }
    }

    #[test]
    fn escapes_and_case_are_understood() {
        let state = ChartState::from_query("metric=employed&state=tx&sort=%61sc", &CODES);
        assert_eq!(state.metric, Metric::Employed);
        assert_eq!(state.sort, SortOrder::ValueAsc);
        assert_eq!(state.highlight.as_deref(), Some("TX"));
    }
}
