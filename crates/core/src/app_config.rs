//! The runtime configuration of the app: `app-config.json`, served beside the built
//! app, says which kind of backend it talks to and where. One build serves any
//! deployment; changing backend is editing this file, not rebuilding.

use serde::{Deserialize, Serialize};

use crate::config::Deployment;

/// Where the app's own contract is served when nothing else is said.
pub const DEFAULT_API_BASE: &str = "/api/v1";

/// Name of the file, at the root of the site that serves the app.
pub const APP_CONFIG_PATH: &str = "/app-config.json";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "backend", rename_all = "lowercase", deny_unknown_fields)]
pub enum AppConfig {
    /// A backend of this project's own contract (`/api/v1`, OpenAPI in the repo).
    Native {
        /// e.g. `/api/v1`, or `https://api.example.gob/api/v1` when the API is on
        /// another origin (that origin must allow the app's with CORS).
        #[serde(default = "default_base")]
        base: String,
    },
    /// An Open311 GeoReport v2 server (JSON format).
    Open311 {
        /// The endpoint's URL, e.g. `https://city.example/open311/v2`, or the
        /// reference backend's same-origin gateway `/open311/v2`.
        base: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        jurisdiction_id: Option<String>,
        /// Sent with filings when the server asks for one. It is public: anyone can
        /// read it in this file, as in any browser client of Open311.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        api_key: Option<String>,
        /// Open311 has no settings endpoint: the site's name, contacts, languages and
        /// case type are given here.
        deployment: Box<Deployment>,
    },
}

fn default_base() -> String {
    DEFAULT_API_BASE.into()
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig::Native {
            base: default_base(),
        }
    }
}

impl AppConfig {
    /// Reads the file's text; a trailing slash of `base` is dropped so paths join
    /// with one slash.
    pub fn parse(text: &str) -> Result<AppConfig, String> {
        let mut config: AppConfig = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let base = match &mut config {
            AppConfig::Native { base } | AppConfig::Open311 { base, .. } => base,
        };
        while base.ends_with('/') {
            base.pop();
        }
        if base.is_empty() {
            return Err("base must not be empty".into());
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
                .unwrap(),
            AppConfig::Native {
                base: "https://api.example/api/v1".into()
            }
        );
    }

    #[test]
    fn open311_needs_its_deployment_texts() {
        let missing = r#"{"backend":"open311","base":"/open311/v2"}"#;
        assert!(AppConfig::parse(missing).is_err());
        let deployment = include_str!("../../server/seed/deployment.json");
        let text = format!(
            r#"{{"backend":"open311","base":"/open311/v2/","jurisdiction_id":"city.example","deployment":{deployment}}}"#
        );
        match AppConfig::parse(&text).unwrap() {
            AppConfig::Open311 {
                base,
                jurisdiction_id,
                api_key,
                deployment,
            } => {
                assert_eq!(base, "/open311/v2");
                assert_eq!(jurisdiction_id.as_deref(), Some("city.example"));
                assert_eq!(api_key, None);
                assert_eq!(deployment.name, "Contacto Ciudadano");
            }
            other => panic!("{other:?}"),
        }
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
