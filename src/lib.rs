//! career-guide: how to become an Infrastructure Engineer, as a web app.
//!
//! Each feature has its own folder with a pure, natively tested model and thin views.

pub mod app;
pub mod data;
pub mod embed;
pub mod guide;
pub mod offline;
pub mod platform;
pub mod roadmap;
pub mod salary;

pub use app::App;

/// Mounts the app on the page's `<body>`, in embed mode when the URL asks for it.
pub fn mount() {
    let embed = embed::host::request_from_location();
    if let Some(request) = &embed {
        embed::host::prepare_page(request);
        embed::host::report_height(request.frame_id.clone());
    }
    leptos::mount::mount_to_body(move || leptos::view! { <App embed=embed.clone() /> });
}
