use super::*;

fn store() -> (Store, std::path::PathBuf) {
    let path = std::env::temp_dir().join(format!(
        "newsroom-store-{}-{}.sqlite3",
        std::process::id(),
        new_token()
    ));
    (Store::open(&path, None).unwrap().0, path)
}

fn mail(signup: Signup) -> Mail {
    match signup {
        Signup::Created(mail) | Signup::StillPending(Some(mail)) => mail,
        other => panic!("no mail: {other:?}"),
    }
}

#[test]
fn a_subscriber_goes_pending_confirmed_unsubscribed_and_back() {
    let (store, path) = store();
    let first = mail(store.sign_up("Ann@Example.org", "/a").unwrap());
    assert_eq!(first.email, "Ann@Example.org");
    // Within ten minutes a second sign-up sends nothing...
    assert_eq!(
        store.sign_up("ann@example.org", "/b").unwrap(),
        Signup::StillPending(None)
    );
    // ...unless the first mail never left.
    store.mail_failed("ann@example.org").unwrap();
    let second = mail(store.sign_up("ann@example.org", "/b").unwrap());
    assert_ne!(second.confirm_token, first.confirm_token);
    assert_eq!(second.unsubscribe_token, first.unsubscribe_token);
    assert_eq!(
        store.confirm(&first.confirm_token).unwrap(),
        Confirmation::Invalid,
        "replaced"
    );
    assert_eq!(
        store.confirm(&second.confirm_token).unwrap(),
        Confirmation::Confirmed("Ann@Example.org".to_string())
    );
    assert_eq!(
        store.confirm(&second.confirm_token).unwrap(),
        Confirmation::Invalid,
        "used"
    );
    assert_eq!(
        store.sign_up("ANN@example.org", "/c").unwrap(),
        Signup::AlreadyConfirmed
    );
    assert_eq!(
        store
            .unsubscribe(&second.unsubscribe_token)
            .unwrap()
            .as_deref(),
        Some("Ann@Example.org")
    );
    assert!(matches!(
        store.sign_up("ann@example.org", "/d").unwrap(),
        Signup::Created(_)
    ));
    assert_eq!(store.count().unwrap(), 1);
    let mut csv = Vec::new();
    store.export_csv(&mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with("Ann@Example.org,pending,"),
        "{csv}"
    );
    assert!(csv.ends_with(",/d\n"), "{csv}");
    let _ = std::fs::remove_file(path);
}

#[test]
fn unknown_tokens_change_nothing() {
    let (store, path) = store();
    store.sign_up("a@example.org", "").unwrap();
    assert_eq!(store.confirm(&new_token()).unwrap(), Confirmation::Invalid);
    assert_eq!(store.unsubscribe(&new_token()).unwrap(), None);
    assert_eq!(store.unsubscribe_target(&new_token()).unwrap(), None);
    let _ = std::fs::remove_file(path);
}
