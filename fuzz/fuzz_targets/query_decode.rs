//! The URL decoder (SPEC.md §2) on any bytes a browser could hand it:
//! it never panics, and its output is stable under the canonical encoding,
//! the same properties as the proptests in tests/query.rs.

#![no_main]

use libfuzzer_sys::fuzz_target;
use systems_atlas::query::Query;

fuzz_target!(|data: &[u8]| {
    // `location.search` is always text; invalid UTF-8 in the bytes stands
    // for whatever a browser substitutes.
    let search = String::from_utf8_lossy(data);
    let once = Query::decode(&search).query;
    let encoded = once.encode();
    let again = Query::decode(&encoded).query;
    assert_eq!(
        again, once,
        "decode(encode(decode(s))) != decode(s) for {search:?}"
    );
    assert_eq!(
        again.encode(),
        encoded,
        "encoding is not canonical for {search:?}"
    );
});
