use std::time::Duration;

use super::*;
use crate::ratelimit::ManualClock;

#[test]
fn only_the_georeport_resources_are_recognised() {
    let ok = [
        ("/open311/v2/discovery.json", Resource::Discovery),
        ("/open311/v2/services.json", Resource::Services),
        ("/open311/v2/requests.json", Resource::Requests),
        (
            "/open311/v2/services/4.json",
            Resource::Definition("4".into()),
        ),
        (
            "/open311/v2/requests/SR-2026_01.5.json",
            Resource::Request("SR-2026_01.5".into()),
        ),
        (
            "/open311/v2/tokens/tok-1.json",
            Resource::Token("tok-1".into()),
        ),
    ];
    for (path, resource) in ok {
        assert_eq!(Resource::from_path(path), Some(resource.clone()), "{path}");
        assert_eq!(format!("/open311/v2/{}", resource.upstream_path()), path);
    }
    let long = format!("/open311/v2/requests/{}.json", "a".repeat(129));
    let bad = [
        "/open311/v2/",
        "/open311/v2/../api/v1/config",
        "/open311/v2/%2e%2e/services.json",
        "/open311/v2/services/%2e%2e.json",
        "/open311/v2/services/...json",
        "/open311/v2/services/..json",
        "/open311/v2/services/.json",
        "/open311/v2/services/a%2fb.json",
        "/open311/v2/services/a/b.json",
        "/open311/v2/services/bache.xml",
        "/open311/v2/services/bache",
        "/open311/v2/services/bache.json/",
        "/open311/v2/http://evil.example/services.json",
        "/open311/v2//evil.example/services.json",
        "/open311/v2/services.json/../secret",
        "/open311/v2/secret.json",
        "/open311/v2/Services.json",
        "/open311/v2/tokens/a b.json",
        "/api/v1/services.json",
        &long,
    ];
    for path in bad {
        assert_eq!(Resource::from_path(path), None, "{path}");
    }
    assert!(
        Resource::from_path(&format!("/open311/v2/requests/{}.json", "a".repeat(128))).is_some()
    );
}

#[test]
fn the_base_is_one_plain_http_url() {
    assert_eq!(
        parse_base("https://city.example/open311/v2/").unwrap(),
        "https://city.example/open311/v2"
    );
    assert_eq!(
        parse_base("http://127.0.0.1:8311/open311/v2").unwrap(),
        "http://127.0.0.1:8311/open311/v2"
    );
    assert_eq!(
        parse_base("https://city.example").unwrap(),
        "https://city.example"
    );
    for bad in [
        "city.example/open311/v2",
        "ftp://city.example/open311",
        "https://user:pw@city.example/open311/v2",
        "https://city.example/open311/v2?api_key=x",
        "https://city.example/open311/v2#x",
        "https://city.example/a/../b",
        "https:///open311",
        "",
    ] {
        assert!(parse_base(bad).is_err(), "{bad}");
    }
}

#[test]
fn only_json_and_text_answers_pass() {
    for ok in [
        "application/json",
        "application/json; charset=utf-8",
        "text/plain",
        "TEXT/HTML",
    ] {
        assert!(allowed_type(ok), "{ok}");
    }
    for bad in [
        "application/octet-stream",
        "image/png",
        "text/",
        "application/jsonx",
        "",
    ] {
        assert!(!allowed_type(bad), "{bad}");
    }
}

#[test]
fn each_client_has_its_own_windows() {
    let clock = ManualClock::default();
    let limiter = GatewayLimiter::new(
        RateLimits {
            per_minute: 3,
            posts_per_ten_minutes: 1,
        },
        clock.clock(),
    );
    assert!(limiter.check("a", true).is_ok());
    // The second filing waits for the ten-minute window.
    let wait = limiter.check("a", true).unwrap_err();
    assert!((590..=600).contains(&wait), "{wait}");
    assert!(limiter.check("a", false).is_ok());
    assert!(
        limiter.check("a", false).is_err(),
        "three requests a minute"
    );
    assert!(
        limiter.check("b", false).is_ok(),
        "another client is not slowed"
    );
    clock.advance(Duration::from_secs(60));
    assert!(limiter.check("a", false).is_ok());
    assert!(limiter.check("a", true).is_err());
    clock.advance(Duration::from_secs(540));
    assert!(limiter.check("a", true).is_ok());
}
