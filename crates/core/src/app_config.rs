//! The runtime configuration of the app: `app-config.json`, served beside the built
//! app, says which kind of backend it talks to and where. One build serves any
//! deployment; changing backend is editing this file, not rebuilding.

use serde::{Deserialize, Serialize};

/// Where the app's own contract is served when nothing else is said.
pub const DEFAULT_API_BASE: &str = "/api/v1";

/// Name of the file, at the root of the site that serves the app.
pub const APP_CONFIG_PATH: &str = "/app-config.json";

/// Which kind of backend the app talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BackendKind {
    /// A backend of this project's own contract (`/api/v1`, OpenAPI in the repo).
    Native,
    /// An Open311 GeoReport v2 server (JSON format).
    Open311,
}

/// The file's contents. A flat struct rather than an enum tagged by `backend`: serde
/// reads a tagged enum through a generic buffer, which would put a second copy of the
/// whole `Deployment` reader into the app's first download. For the same reason the
/// deployment's texts are a file of their own, read like the native `/config`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppConfig {
    pub backend: BackendKind,
    /// e.g. `/api/v1`, `https://api.example.gob/api/v1` (that origin must allow the
    /// app's with CORS), an Open311 endpoint `https://city.example/open311/v2`, or the
    /// reference backend's same-origin gateway `/open311/v2`.
    #[serde(default = "default_base")]
    pub base: String,
    /// Open311: sent with every request when the server serves several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction_id: Option<String>,
    /// Open311: sent with filings when the server asks for one. It is public: anyone
    /// can read it in this file, as in any browser client of Open311.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key: Option<String>,
    /// Open311 has no settings endpoint: the address of a file with the site's name,
    /// contacts, languages and case type, in the shape of the reference backend's
    /// `--deployment` file, e.g. `/deployment.json` (required for `open311`, unused for
    /// `native`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deployment: Option<String>,
}

fn default_base() -> String {
    DEFAULT_API_BASE.into()
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            backend: BackendKind::Native,
            base: default_base(),
            jurisdiction_id: None,
            api_key: None,
            deployment: None,
        }
    }
}

impl AppConfig {
    /// Reads the file's text; a trailing slash of `base` is dropped so paths join
    /// with one slash.
    pub fn parse(text: &str) -> Result<AppConfig, String> {
        let mut config: AppConfig = serde_json::from_str(text).map_err(|e| e.to_string())?;
        while config.base.ends_with('/') {
            config.base.pop();
        }
        if config.base.is_empty() {
            return Err("base must not be empty".into());
        }
        let no_texts = config
            .deployment
            .as_deref()
            .is_none_or(|d| d.trim().is_empty());
        if config.backend == BackendKind::Open311 && no_texts {
            return Err("an open311 backend needs its deployment texts".into());
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn native_defaults_to_the_same_origin_api() {
        assert_eq!(
            AppConfig::parse(r#"{"backend":"native"}"#).unwrap(),
            AppConfig::default()
        );
        assert_eq!(
            AppConfig::parse(r#"{"backend":"native","base":"https://api.example/api/v1/"}"#)
                .unwrap()
                .base,
            "https://api.example/api/v1"
        );
    }

    #[test]
    fn open311_needs_its_deployment_texts() {
        let missing = r#"{"backend":"open311","base":"/open311/v2"}"#;
        assert!(AppConfig::parse(missing).is_err());
        let blank = r#"{"backend":"open311","base":"/open311/v2","deployment":" "}"#;
        assert!(AppConfig::parse(blank).is_err());
        let text = r#"{"backend":"open311","base":"/open311/v2/","jurisdiction_id":"city.example","deployment":"/deployment.json"}"#;
        let config = AppConfig::parse(text).unwrap();
        assert_eq!(config.backend, BackendKind::Open311);
        assert_eq!(config.base, "/open311/v2");
        assert_eq!(config.jurisdiction_id.as_deref(), Some("city.example"));
        assert_eq!(config.api_key, None);
        assert_eq!(config.deployment.as_deref(), Some("/deployment.json"));
    }

    #[test]
    fn mistakes_are_refused_not_guessed() {
        for bad in [
            "",
            "{}",
            r#"{"backend":"soap"}"#,
            r#"{"backend":"native","base":""}"#,
            r#"{"backend":"native","base":"/"}"#,
            r#"{"backend":"native","bsae":"/api/v1"}"#,
        ] {
            assert!(AppConfig::parse(bad).is_err(), "{bad}");
        }
    }
}
