//! RFC 3986 percent-encoding as the ECS signature requires.

/// Percent-encodes `s` as UTF-8: `A-Z a-z 0-9 - _ . ~` stay, every other byte becomes `%XY`
/// with upper-case hex (a space is `%20`, `*` is `%2A`).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 2);
    percent_encode_into(&mut out, s);
    out
}

/// [`percent_encode`], appending to `out` (no allocation per value on the signing path).
pub fn percent_encode_into(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0x0f)] as char);
        }
    }
}
