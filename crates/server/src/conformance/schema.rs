//! JSON Schema validation of an answer against a schema of the OpenAPI document.

use serde_json::{json, Value};

/// Validates `instance` against `schema`, whose `$ref`s point into `doc`.
pub fn validate(doc: &Value, schema: &Value, instance: &Value) -> Result<(), String> {
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": doc["components"],
        "allOf": [schema],
    });
    let validator = jsonschema::draft202012::new(&root)
        .map_err(|e| format!("the document's schema does not compile: {e}"))?;
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .take(3)
        .map(|e| format!("{} (at {})", e, e.instance_path()))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_checked_against_the_documents_schemas() {
        let doc = crate::routes::document(&crate::default_deployment());
        let problem = json!({"$ref": "#/components/schemas/Problem"});
        let good = json!({"type": "/problems/not-found", "title": "No", "status": 404});
        assert!(validate(&doc, &problem, &good).is_ok());
        let bad = json!({"type": "/problems/not-found", "status": "404"});
        let errors = validate(&doc, &problem, &bad).unwrap_err();
        assert!(
            errors.contains("title") || errors.contains("status"),
            "{errors}"
        );
        let rating = json!({"$ref": "#/components/schemas/Rating"});
        let out_of_range = json!({"answered": true, "clear": true, "score": 6});
        assert!(validate(&doc, &rating, &out_of_range).is_err());
    }
}
