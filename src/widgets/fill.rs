//! Filling texts' `{placeholders}` with the figures of the guide the views are given.

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::Guide;

/// Fills a text's `{placeholders}` with the figures of the guide in context.
pub fn filler() -> impl Fn(&str) -> String {
    let guide = expect_context::<Arc<Guide>>();
    move |text| guide.filled(text)
}
