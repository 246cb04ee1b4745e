//! Stops the build when rustc is not the toolchain `rust-toolchain.toml` pins. The release's
//! nightly options (scripts/env.sh) and its size ceiling are measured on that one toolchain; on
//! another, the build may fail in obscure ways or silently grow, so it fails here, plainly.

use std::path::Path;
use std::process::Command;

fn main() {
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let toolchain_file = Path::new(&manifest_dir).join("rust-toolchain.toml");
    println!("cargo::rerun-if-changed={}", toolchain_file.display());
    let pinned = std::fs::read_to_string(&toolchain_file)
        .ok()
        .and_then(|text| channel(&text))
        .unwrap_or_else(|| {
            fail(&format!(
                "no `channel = \"…\"` in {}",
                toolchain_file.display()
            ))
        });
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let version = Command::new(&rustc)
        .arg("-V")
        .output()
        .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_owned())
        .unwrap_or_else(|error| fail(&format!("cannot run {rustc} -V: {error}")));
    if !version.starts_with(&format!("rustc {pinned} ")) {
        fail(&format!(
            "this project is built with Rust {pinned} (rust-toolchain.toml), but this build's \
             compiler is `{version}`. Unset RUSTUP_TOOLCHAIN or any `rustup override` for this \
             folder, or run `rustup toolchain install` here."
        ));
    }
}

/// The `channel = "…"` of a rust-toolchain.toml.
fn channel(text: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let value = line
            .trim()
            .strip_prefix("channel")?
            .trim()
            .strip_prefix('=')?
            .trim();
        Some(value.strip_prefix('"')?.strip_suffix('"')?.to_owned())
    })
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1)
}
