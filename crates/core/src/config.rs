//! Deployment settings the app reads at start-up (`GET /api/v1/config`), so one build
//! of the app serves any deployment.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deployment {
    /// Shown in the header and page titles, e.g. "Contacto Ciudadano".
    pub name: String,
    /// Who runs it, e.g. "Gobierno de la República".
    pub owner: String,
    /// Language codes in order of preference; the first is the default.
    pub languages: Vec<String>,
    pub channels: Channels,
    /// Emergency number shown before a denuncia starts.
    pub emergency_phone: String,
    /// Neutral site the "Salir rápido" button goes to.
    #[serde(default = "default_quick_exit_url")]
    pub quick_exit_url: String,
    /// Link to the personal-data policy page.
    pub privacy_policy_url: String,
    /// Origins allowed to embed the app in an iframe (embed button).
    #[serde(default)]
    pub embed_origins: Vec<String>,
    /// Origins of the app when it is hosted apart from the backend, e.g.
    /// `https://contacto.gob.example`: the backend answers their cross-origin requests
    /// (CORS). Exact origins, never `*`. Empty: the app is served by the backend itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cors_origins: Vec<String>,
    /// The case types people can file, in the order the wizard lists them.
    pub case_types: Vec<crate::intake::CaseType>,
    /// Public holidays `YYYY-MM-DD`, skipped when counting business days; service
    /// points are closed on them.
    #[serde(default)]
    pub holidays: Vec<String>,
    /// The deployment's IANA time zone (`America/La_Paz`): "open now" at the service
    /// points is decided in it, wherever the person's phone is set.
    #[serde(default = "default_time_zone")]
    pub time_zone: String,
    #[serde(default)]
    pub intake: crate::intake::IntakeRules,
    /// Whether citizens may reply on a case at any time, not only when asked.
    #[serde(default)]
    pub replies_always_allowed: bool,
    /// The texts above (owner, phone hours, offices) in other languages, by language
    /// code. The texts above are in the first of `languages`; a text missing here is
    /// shown in that language and marked so (screen readers switch voice).
    #[serde(default)]
    pub translations: BTreeMap<String, DeploymentTexts>,
    /// Searches to suggest in the search box's hint, in the catalog's language. Each
    /// should find something in this deployment's catalog.
    #[serde(default)]
    pub search_examples: Vec<String>,
    /// Everyday words that mean the same in this country (`[["micro", "minibús"]]`),
    /// added to the search engine's own list; served with the catalog index.
    #[serde(default)]
    pub search_synonyms: Vec<Vec<String>>,
    /// Largest catalog the browser downloads and searches itself; above it, each
    /// search asks the backend (`GET /catalog/search`). Unset: the engine's own
    /// threshold ([`crate::search::LOCAL_SEARCH_MAX_PROCEDURES`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_local_max: Option<usize>,
    /// How many procedures the backend's catalog holds; filled in by the backend when
    /// it serves these settings, so the app can choose how to search before it
    /// downloads anything. Unknown (another backend): searched in the browser.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog_size: Option<usize>,
    /// The installed app's name under its icon (the web app manifest's `short_name`;
    /// its `name` is [`Deployment::name`]). The server writes these three into the
    /// manifest and the pages; the app never reads them, so the wasm does not decode
    /// them (its first download is at its budget).
    #[serde(default = "default_short_name")]
    #[cfg_attr(target_arch = "wasm32", serde(skip))]
    pub short_name: String,
    /// The colour of the browser's and the installed app's bars (`theme_color`, and
    /// `<meta name="theme-color">`), as `#rrggbb` or `#rgb`.
    #[serde(default = "default_theme_color")]
    #[cfg_attr(target_arch = "wasm32", serde(skip))]
    pub theme_color: String,
    /// The installed app's splash screen colour (`background_color`), `#rrggbb` or `#rgb`.
    #[serde(default = "default_background_color")]
    #[cfg_attr(target_arch = "wasm32", serde(skip))]
    pub background_color: String,
}

/// The demo catalog's country. A deployment elsewhere sets its own.
pub const DEFAULT_TIME_ZONE: &str = "America/La_Paz";

fn default_time_zone() -> String {
    DEFAULT_TIME_ZONE.into()
}

/// Whether `zone` has the shape of an IANA time zone name (`America/La_Paz`, `UTC`,
/// `Etc/GMT+4`): letters, digits, `/`, `_`, `-`, `+`, at most 64 characters. Whether
/// the zone exists is the browser's to say; a name of another shape is never passed on.
pub fn is_time_zone_name(zone: &str) -> bool {
    (1..=64).contains(&zone.len())
        && zone.starts_with(|c: char| c.is_ascii_alphabetic())
        && zone
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '+'))
}

fn default_short_name() -> String {
    "Contacto".into()
}

fn default_theme_color() -> String {
    "#0b3d66".into()
}

fn default_background_color() -> String {
    "#ffffff".into()
}

/// Whether `colour` is a hex colour (`#rgb` or `#rrggbb`): the only form written into
/// the manifest and the page, so a deployment file cannot inject anything else.
pub fn is_hex_colour(colour: &str) -> bool {
    colour
        .strip_prefix('#')
        .is_some_and(|hex| matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Deployment texts in one more language; any may be left out.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeploymentTexts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_hours: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offices_text: Option<String>,
}

/// A text and the language it is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InLanguage<'a> {
    pub text: &'a str,
    pub lang: &'a str,
}

/// The deployment's own texts as shown in one interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalizedTexts<'a> {
    pub owner: InLanguage<'a>,
    pub phone_hours: InLanguage<'a>,
    pub offices_text: InLanguage<'a>,
}

impl Deployment {
    /// Where this deployment's catalog is searched: in the browser (small catalogs,
    /// instant and offline) or by the backend (catalogs too large to download).
    pub fn search_mode(&self) -> crate::search::SearchMode {
        use crate::search::{SearchMode, LOCAL_SEARCH_MAX_PROCEDURES};
        let max = self.search_local_max.unwrap_or(LOCAL_SEARCH_MAX_PROCEDURES);
        match self.catalog_size {
            Some(n) if n > max => SearchMode::Server,
            _ => SearchMode::Local,
        }
    }

    /// The name of case type `slug` in `lang` (else Spanish, else any it has);
    /// `None` for a type this deployment does not know.
    pub fn case_type_name(&self, slug: &str, lang: &str) -> Option<&str> {
        self.case_types
            .iter()
            .find(|c| c.slug == slug)
            .and_then(|c| c.text(lang))
            .map(|x| x.name.as_str())
    }

    /// The language the catalog and the deployment's own texts are written in.
    pub fn content_language(&self) -> &str {
        self.languages.first().map(String::as_str).unwrap_or("es")
    }

    /// Owner, phone hours and offices text in `lang` where the deployment has them,
    /// otherwise in the content language (and said so).
    pub fn localized<'a>(&'a self, lang: &'a str) -> LocalizedTexts<'a> {
        let base = self.content_language();
        let extra = (lang != base)
            .then(|| self.translations.get(lang))
            .flatten();
        LocalizedTexts {
            owner: in_language(
                extra.and_then(|t| t.owner.as_deref()),
                &self.owner,
                lang,
                base,
            ),
            phone_hours: in_language(
                extra.and_then(|t| t.phone_hours.as_deref()),
                &self.channels.phone_hours,
                lang,
                base,
            ),
            offices_text: in_language(
                extra.and_then(|t| t.offices_text.as_deref()),
                &self.channels.offices_text,
                lang,
                base,
            ),
        }
    }
}

fn in_language<'a>(
    translated: Option<&'a str>,
    own: &'a str,
    lang: &'a str,
    base: &'a str,
) -> InLanguage<'a> {
    match translated.filter(|t| !t.trim().is_empty()) {
        Some(text) => InLanguage { text, lang },
        None => InLanguage {
            text: own,
            lang: base,
        },
    }
}

/// The other ways to reach the state, shown in the footer and on every error.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Channels {
    pub phone: String,
    /// e.g. "lunes a viernes, 08:00 a 17:00 h".
    pub phone_hours: String,
    pub email: String,
    pub offices_url: String,
    pub offices_text: String,
}

fn default_quick_exit_url() -> String {
    "https://www.google.com/".into()
}

#[cfg(test)]
mod localized_tests {
    use super::*;

    fn deployment() -> Deployment {
        let mut d: Deployment =
            serde_json::from_str(include_str!("../../server/seed/deployment.json"))
                .expect("seed deployment parses");
        d.translations.clear();
        d.translations.insert(
            "en".into(),
            DeploymentTexts {
                owner: Some("Government of the Republic".into()),
                phone_hours: Some("Monday to Friday, 8 am to 6 pm".into()),
                offices_text: Some("   ".into()),
            },
        );
        d
    }

    #[test]
    fn a_translated_text_is_used_and_marked_in_its_language() {
        let d = deployment();
        let en = d.localized("en");
        assert_eq!(en.owner.text, "Government of the Republic");
        assert_eq!(en.owner.lang, "en");
        assert_eq!(en.phone_hours.lang, "en");
        // Blank translations fall back to the content language, marked as such.
        assert_eq!(en.offices_text.text, d.channels.offices_text);
        assert_eq!(en.offices_text.lang, "es");
    }

    #[test]
    fn a_language_without_translations_gets_the_content_language() {
        let d = deployment();
        let pt = d.localized("pt");
        assert_eq!(pt.owner.text, d.owner);
        assert_eq!(pt.owner.lang, "es");
        assert_eq!(pt.phone_hours.text, d.channels.phone_hours);
        // The content language itself never looks at translations.
        let mut d2 = d.clone();
        d2.translations.insert(
            "es".into(),
            DeploymentTexts {
                owner: Some("otro".into()),
                ..Default::default()
            },
        );
        assert_eq!(d2.localized("es").owner.text, d.owner);
        assert_eq!(d2.localized("es").owner.lang, "es");
    }

    #[test]
    fn a_deployment_without_a_quick_exit_address_leaves_for_a_neutral_search_page() {
        let mut json: serde_json::Value =
            serde_json::from_str(include_str!("../../server/seed/deployment.json")).unwrap();
        json.as_object_mut().unwrap().remove("quick_exit_url");
        let d: Deployment = serde_json::from_value(json).unwrap();
        assert_eq!(d.quick_exit_url, "https://www.google.com/");
    }

    #[test]
    fn large_catalogs_are_searched_by_the_backend() {
        use crate::search::{SearchMode, LOCAL_SEARCH_MAX_PROCEDURES};
        let mut d = deployment();
        assert_eq!(d.search_mode(), SearchMode::Local, "size unknown");
        d.catalog_size = Some(LOCAL_SEARCH_MAX_PROCEDURES);
        assert_eq!(d.search_mode(), SearchMode::Local);
        d.catalog_size = Some(LOCAL_SEARCH_MAX_PROCEDURES + 1);
        assert_eq!(d.search_mode(), SearchMode::Server);
        d.search_local_max = Some(78);
        d.catalog_size = Some(78);
        assert_eq!(d.search_mode(), SearchMode::Local);
        d.catalog_size = Some(79);
        assert_eq!(d.search_mode(), SearchMode::Server);
    }

    #[test]
    fn case_type_names_follow_the_language() {
        let d = deployment();
        assert_eq!(d.case_type_name("queja", "es"), Some("Queja"));
        assert_eq!(
            d.case_type_name("queja", "en"),
            Some("Complaint about staff")
        );
        assert_eq!(d.case_type_name("queja", "xx"), Some("Queja"));
        assert_eq!(d.case_type_name("no-existe", "es"), None);
    }

    #[test]
    fn content_language_is_the_first_language_or_spanish() {
        let mut d = deployment();
        assert_eq!(d.content_language(), "es");
        d.languages = vec!["pt".into(), "es".into()];
        assert_eq!(d.content_language(), "pt");
        d.languages.clear();
        assert_eq!(d.content_language(), "es");
    }

    #[test]
    fn the_installed_app_looks_as_today_unless_the_deployment_says_otherwise() {
        let mut json: serde_json::Value =
            serde_json::from_str(include_str!("../../server/seed/deployment.json")).unwrap();
        for field in ["short_name", "theme_color", "background_color"] {
            json.as_object_mut().unwrap().remove(field);
        }
        let d: Deployment = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(
            (
                d.short_name.as_str(),
                d.theme_color.as_str(),
                d.background_color.as_str()
            ),
            ("Contacto", "#0b3d66", "#ffffff")
        );
        json["theme_color"] = "#1d5e2f".into();
        let d: Deployment = serde_json::from_value(json).unwrap();
        assert_eq!(d.theme_color, "#1d5e2f");
    }

    #[test]
    fn only_hex_colours_are_colours() {
        for ok in ["#0b3d66", "#FFF", "#abcdef"] {
            assert!(is_hex_colour(ok), "{ok}");
        }
        for bad in ["0b3d66", "#0b3d6", "red", "#12345g", "#fff\"><script>", ""] {
            assert!(!is_hex_colour(bad), "{bad}");
        }
    }

    #[test]
    fn the_time_zone_defaults_to_the_demo_country() {
        let mut json: serde_json::Value =
            serde_json::from_str(include_str!("../../server/seed/deployment.json")).unwrap();
        json.as_object_mut().unwrap().remove("time_zone");
        let d: Deployment = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(d.time_zone, "America/La_Paz");
        json["time_zone"] = "America/Bogota".into();
        let d: Deployment = serde_json::from_value(json).unwrap();
        assert_eq!(d.time_zone, "America/Bogota");
    }

    #[test]
    fn only_iana_shaped_names_are_time_zones() {
        for ok in [
            "America/La_Paz",
            "UTC",
            "Etc/GMT+4",
            "America/Port-au-Prince",
            "A",
        ] {
            assert!(is_time_zone_name(ok), "{ok}");
        }
        let long = "A".repeat(65);
        for bad in [
            "",
            "/America",
            "America/La Paz",
            "x\"><",
            "4/Etc",
            long.as_str(),
        ] {
            assert!(!is_time_zone_name(bad), "{bad}");
        }
        assert!(is_time_zone_name(&"A".repeat(64)));
    }
}
