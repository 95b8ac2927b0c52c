use std::net::{Ipv4Addr, Ipv6Addr};

use super::*;

const A: &str = "192.0.2.1";
const B: &str = "192.0.2.2";

fn limiter() -> (LookupLimiter, ManualClock) {
    let clock = ManualClock::default();
    (LookupLimiter::with_clock(clock.clock()), clock)
}

#[test]
fn ipv6_clients_are_grouped_by_their_64_prefix() {
    let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
    let b: IpAddr = "2001:db8:1:2:ffff:1:2:3".parse().unwrap();
    let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
    assert_eq!(client_key(a), "2001:db8:1:2::/64");
    assert_eq!(client_key(a), client_key(b));
    assert_ne!(client_key(a), client_key(c));
    let mapped = IpAddr::V6(Ipv4Addr::new(192, 0, 2, 1).to_ipv6_mapped());
    assert_eq!(client_key(mapped), A);
    assert_eq!(client_key(IpAddr::V6(Ipv6Addr::LOCALHOST)), "0:0:0:0::/64");
}

#[test]
fn the_delay_grows_after_the_free_failures() {
    let (limiter, clock) = limiter();
    for _ in 0..PAIR_FREE_FAILURES {
        assert_eq!(limiter.begin(A, "T"), Ok(()));
    }
    // 1 s, then 2 s, then 4 s …
    assert_eq!(limiter.begin(A, "T"), Err(1));
    clock.advance(Duration::from_secs(1));
    assert_eq!(limiter.begin(A, "T"), Ok(()));
    assert_eq!(limiter.begin(A, "T"), Err(2));
    clock.advance(Duration::from_secs(2));
    assert_eq!(limiter.begin(A, "T"), Ok(()));
    assert_eq!(limiter.begin(A, "T"), Err(4));
    // Another client on the same ticket, and this client on another ticket, go on.
    assert_eq!(limiter.begin(B, "T"), Ok(()));
    assert_eq!(limiter.begin(A, "U"), Ok(()));
    // Everything is forgotten after the window.
    clock.advance(WINDOW);
    assert_eq!(limiter.begin(A, "T"), Ok(()));
}

#[test]
fn the_delay_never_exceeds_the_window() {
    for n in 0..100 {
        assert!(delay_after(n, 0).unwrap() <= WINDOW);
    }
    assert_eq!(delay_after(3, 5), None);
}

#[test]
fn a_success_refunds_only_its_own_attempt() {
    let (limiter, _clock) = limiter();
    for _ in 0..PAIR_FREE_FAILURES - 1 {
        limiter.begin(A, "T").unwrap();
    }
    limiter.begin(A, "T").unwrap();
    limiter.succeeded(A, "T");
    // Four failures stay; the fifth attempt is still free, the sixth waits.
    limiter.begin(A, "T").unwrap();
    assert!(limiter.begin(A, "T").is_err());
}

#[test]
fn one_client_is_slowed_across_tickets() {
    let (limiter, _clock) = limiter();
    for i in 0..CLIENT_FREE_FAILURES {
        limiter.begin(A, &format!("T{i}")).unwrap();
    }
    assert_eq!(limiter.begin(A, "NUEVO"), Err(1));
    assert_eq!(limiter.begin(B, "NUEVO"), Ok(()));
}

#[test]
fn parallel_guesses_cannot_pass_the_limit() {
    let (limiter, _clock) = limiter();
    let limiter = Arc::new(limiter);
    let passed: usize = (0..200)
        .map(|_| {
            let limiter = limiter.clone();
            std::thread::spawn(move || limiter.begin(A, "T").is_ok())
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|t| usize::from(t.join().unwrap()))
        .sum();
    assert_eq!(passed, PAIR_FREE_FAILURES);
}

#[test]
fn stale_entries_are_pruned() {
    let (limiter, clock) = limiter();
    for i in 0..100 {
        let _ = limiter.begin(&format!("198.51.100.{i}"), "T");
    }
    clock.advance(WINDOW);
    for i in 0..300 {
        let _ = limiter.begin(&format!("203.0.113.{}", i % 250), &format!("U{i}"));
    }
    let inner = limiter.lock();
    assert!(!inner.by_key.contains_key("198.51.100.0"));
    assert!(inner.by_key["203.0.113.0"].failures.len() <= KEPT_FAILURES);
}
