//! career-guide: how to become an Infrastructure Engineer, as a web app.
//!
//! Each feature has its own folder with a pure, natively tested model and thin views.

pub mod app;
pub mod data;
pub mod guide;
pub mod offline;
pub mod platform;
pub mod roadmap;
pub mod salary;

pub use app::App;

/// Mounts the app on the page's `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(|| leptos::view! { <App /> });
}
