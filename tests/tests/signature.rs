//! The two documented signature vectors (GUIDE.md §6.4 and the corrected §6.5), their negative
//! forms, and encoding edge cases, checked through the runtime's public API.

use ecs_runtime::encode::percent_encode;
use ecs_runtime::sign::{canonical_query, sign, string_to_sign};

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn vector_1_from_001() {
    let params = pairs(&[
        ("Action", "DescribeRegions"),
        ("Format", "XML"),
        ("Version", "2014-05-26"),
        ("AccessKeyId", "testid"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureVersion", "1.0"),
        ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
        ("Timestamp", "2016-02-23T12:46:24Z"),
    ]);
    let canonical = canonical_query(&params);
    assert_eq!(
        canonical,
        "AccessKeyId=testid&Action=DescribeRegions&Format=XML&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26"
    );
    let sts = string_to_sign("GET", &canonical);
    assert_eq!(
        sts,
        "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26"
    );
    let signature = sign("testsecret", &sts);
    assert_eq!(signature, "OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
    assert_eq!(
        percent_encode(&signature),
        "OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D"
    );
    // A signer that forgot the trailing "&" of the key would produce this instead.
    assert_ne!(signature, "R8VkbeU3DqhHmAVCdxW/CjqsRK0=");
}

#[test]
fn vector_2_from_002_corrected() {
    let params = pairs(&[
        ("TimeStamp", "2012-12-26T10:33:56Z"),
        ("Format", "XML"),
        ("AccessKeyId", "testid"),
        ("Action", "DescribeRegions"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("RegionId", "region1"),
        ("SignatureNonce", "NwDAxvLU6tFE0DVb"),
        ("Version", "2014-05-26"),
        ("SignatureVersion", "1.0"),
    ]);
    let sts = string_to_sign("GET", &canonical_query(&params));
    assert_eq!(
        sts,
        "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26RegionId%3Dregion1%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3DNwDAxvLU6tFE0DVb%26SignatureVersion%3D1.0%26TimeStamp%3D2012-12-26T10%253A33%253A56Z%26Version%3D2014-05-26"
    );
    // 002 prints "K9fCVP6Jrkld3rLYKh1pfrrFNo=", which lost a character.
    assert_eq!(sign("testsecret", &sts), "K9fCVP6Jrklpd3rLYKh1pfrrFNo=");
}

#[test]
fn vector_2_without_region_matches_the_corrected_appendix_value() {
    let params = pairs(&[
        ("TimeStamp", "2012-12-26T10:33:56Z"),
        ("Format", "XML"),
        ("AccessKeyId", "testid"),
        ("Action", "DescribeRegions"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", "NwDAxvLU6tFE0DVb"),
        ("Version", "2014-05-26"),
        ("SignatureVersion", "1.0"),
    ]);
    let sts = string_to_sign("GET", &canonical_query(&params));
    assert_eq!(sign("testsecret", &sts), "VYVXGq1F5ClujWL2Bo4zdq8PWlM=");
}

#[test]
fn percent_encoding_of_awkward_values() {
    assert_eq!(percent_encode("a b"), "a%20b");
    assert_eq!(percent_encode("*"), "%2A");
    assert_eq!(percent_encode("~"), "~");
    assert_eq!(percent_encode("+/=&%"), "%2B%2F%3D%26%25");
    assert_eq!(percent_encode("-_.AZaz09"), "-_.AZaz09");
    assert_eq!(percent_encode(""), "");
    assert_eq!(percent_encode("名"), "%E5%90%8D");
    assert_eq!(percent_encode("é"), "%C3%A9");
}

#[test]
fn canonical_query_sorts_by_byte_order_and_keeps_empty_values() {
    let params = pairs(&[("b", "1"), ("B", "2"), ("a", ""), ("Tag.1.Key", "k v*")]);
    assert_eq!(canonical_query(&params), "B=2&Tag.1.Key=k%20v%2A&a=&b=1");
}
