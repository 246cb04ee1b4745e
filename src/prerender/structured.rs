//! What a guide's page tells search engines and link previews, written into its head at build
//! time: schema.org `Occupation` structured data (JSON-LD) with the role's salary figures,
//! nationally and for each state the data has, and Open Graph tags with the preview image
//! rendered from the guide's title and key figures (`scripts/preview-images.mjs`).

use serde_json::{json, Value};

use crate::data::Guide;
use crate::markup::escape;

/// The file name of a guide's preview image, in its page's folder.
pub const PREVIEW_IMAGE: &str = "preview.png";

/// The preview image's size in pixels, as link previews expect it (1.91:1).
pub const PREVIEW_SIZE: (u32, u32) = (1200, 630);

/// The structured data of `guide`: the role as a schema.org `Occupation` in the United States
/// with its median salary, then one `Occupation` per state with the state's median.
pub fn occupation_json_ld(guide: &Guide) -> Value {
    let role = &guide.role;
    let salary = |median: u32| {
        json!({
            "@type": "MonetaryAmountDistribution",
            "name": "base",
            "currency": "USD",
            "duration": "P1Y",
            "median": median,
        })
    };
    let occupation = |location: Value, median: u32| {
        json!({
            "@type": "Occupation",
            "name": role.name,
            "occupationalCategory": role.soc_code,
            "educationRequirements": role.education,
            "occupationLocation": [location],
            "estimatedSalary": [salary(median)],
            "mainEntityOfPage": {
                "@type": "WebPage",
                "name": guide.title,
            },
        })
    };
    let mut graph = vec![occupation(
        json!({ "@type": "Country", "name": "United States" }),
        role.median_salary,
    )];
    graph.extend(guide.states.iter().map(|state| {
        occupation(
            json!({
                "@type": "State",
                "name": state.name,
                "containedInPlace": { "@type": "Country", "name": "United States" },
            }),
            state.median_salary,
        )
    }));
    json!({ "@context": "https://schema.org", "@graph": graph })
}

/// The `<script type="application/ld+json">` element holding `value`: `<` written as its JSON
/// escape, so no text in the data can end the element.
pub fn json_ld_script(value: &Value) -> String {
    let text = value.to_string().replace('<', "\\u003c");
    format!("<script type=\"application/ld+json\">{text}</script>")
}

/// The Open Graph tags of a page titled `title`, described by `description`, whose preview image
/// is `image` (relative to the site's root, or absolute).
pub fn open_graph_tags(title: &str, description: &str, image: &str) -> String {
    let (width, height) = PREVIEW_SIZE;
    [
        ("og:type", "website".to_owned()),
        ("og:title", escape(title)),
        ("og:description", escape(description)),
        ("og:image", escape(image)),
        ("og:image:width", width.to_string()),
        ("og:image:height", height.to_string()),
        ("og:image:alt", escape(&format!("{title}: its key figures"))),
    ]
    .iter()
    .map(|(property, content)| format!("<meta property=\"{property}\" content=\"{content}\">"))
    .chain(std::iter::once(
        "<meta name=\"twitter:card\" content=\"summary_large_image\">".to_owned(),
    ))
    .collect::<Vec<_>>()
    .join("\n")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::shipped_guide;

    #[test]
    fn the_occupation_carries_the_national_and_each_states_median() {
        let guide = shipped_guide();
        let value = occupation_json_ld(&guide);
        let graph = value["@graph"].as_array().unwrap();
        assert_eq!(graph.len(), 1 + guide.states.len());
        assert_eq!(graph[0]["estimatedSalary"][0]["median"], 95360);
        assert_eq!(graph[0]["occupationalCategory"], "15-1244");
        let california = graph
            .iter()
            .find(|o| o["occupationLocation"][0]["name"] == "California")
            .unwrap();
        assert_eq!(california["estimatedSalary"][0]["median"], 128736);
    }

    #[test]
    fn no_text_can_close_the_script() {
        let script = json_ld_script(&json!({ "name": "</script><b>" }));
        assert!(!script[..script.len() - "</script>".len()].contains("</"));
        assert!(script.contains("\\u003c/script>"));
        let back: Value = serde_json::from_str(
            &script["<script type=\"application/ld+json\">".len()..script.len() - 9],
        )
        .unwrap();
        assert_eq!(back["name"], "</script><b>");
    }

    #[test]
    fn open_graph_names_the_image_and_its_size() {
        let tags = open_graph_tags("A \"B\"", "D", "a/preview.png");
        assert!(tags.contains("<meta property=\"og:title\" content=\"A &quot;B&quot;\">"));
        assert!(tags.contains("<meta property=\"og:image\" content=\"a/preview.png\">"));
        assert!(tags.contains("content=\"1200\""));
    }
}
