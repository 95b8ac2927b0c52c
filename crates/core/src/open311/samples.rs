//! Answers as servers send them, for the tests: the spec's own examples (with their
//! zero-padded numbers) and the variations met in the wild.

/// `discovery.json`, the spec's example.
pub(super) const DISCOVERY: &str = r#"{
  "changeset":"2011-02-03 14:18",
  "contact":"You can email or call for assistance api@mycity.org +1 (555) 555-5555",
  "key_service":"You can request a key here: http://api.mycity.gov/api_key/request",
  "endpoints":[
    {"specification":"http://wiki.open311.org/GeoReport_v2","url":"http://open311.mycity.gov/v2",
     "changeset":"2010-11-23 09:01","type":"production","formats":["text/xml"]},
    {"specification":"http://wiki.open311.org/GeoReport_v2","url":"http://open311.mycity.gov/test/v2",
     "changeset":"2010-10-02 09:01","type":"test","formats":["text/xml","application/json"]}
  ]
}"#;

/// `services.json`, the spec's example: codes as zero-padded numbers.
pub(super) const SERVICES: &str = r#"[
  {"service_code":001,"service_name":"Cans left out 24x7",
   "description":"Garbage or recycling cans that have been left out for more than 24 hours after collection.",
   "metadata":true,"type":"realtime","keywords":"lorem, ipsum, dolor","group":"sanitation"},
  {"service_code":002,"metadata":false,"type":"realtime","keywords":"lorem, ipsum, dolor",
   "group":"street","service_name":"Construction plate shifted",
   "description":"Metal construction plate covering the street or sidewalk has been moved."}
]"#;

/// `services/DMV66.json`, the spec's example plus a multi-value list.
pub(super) const DEFINITION: &str = r#"{
  "service_code":"DMV66",
  "attributes":[
    {"variable":true,"code":"COLORS","datatype":"multivaluelist","required":false,
     "datatype_description":null,"order":2,"description":"Which colours?",
     "values":[{"key":"r","name":"Red"},{"key":"g","name":"Green"}]},
    {"variable":true,"code":"WHISHETN","datatype":"singlevaluelist","required":true,
     "datatype_description":null,"order":1,"description":"What is the ticket/tag/DL number?",
     "values":[{"key":123,"name":"Ford"},{"key":124,"name":"Chrysler"}]}
  ]
}"#;

/// The answer to a POST, the spec's example.
pub(super) const POSTED: &str = r#"[{"service_request_id":293944,
  "service_notice":"The City will inspect and require the responsible party to correct within 24 hours",
  "account_id":null}]"#;

/// The answer to a token look-up, the spec's example.
pub(super) const TOKEN: &str = r#"[{"service_request_id":638344,"token":12345}]"#;

/// `requests/638344.json`, the spec's example.
pub(super) const REQUEST: &str = r#"[{
  "service_request_id":638344,"status":"closed","status_notes":"Duplicate request.",
  "service_name":"Sidewalk and Curb Issues","service_code":006,"description":null,
  "agency_responsible":null,"service_notice":null,
  "requested_datetime":"2010-04-14T06:37:38-08:00","updated_datetime":"2010-04-14T06:37:38-08:00",
  "expected_datetime":"2010-04-15T06:37:38-08:00","address":"8TH AVE and JUDAH ST",
  "address_id":545483,"zipcode":94122,"lat":37.762221815,"long":-122.4651145,
  "media_url":"http://city.gov.s3.amazonaws.com/requests/media/638344.jpg"
}]"#;

/// An error answer, the spec's example.
pub(super) const ERRORS: &str = r#"[{"code":403,"description":"Invalid api_key received -- can't proceed with create_request."}]"#;

/// Every sample, for the properties that hold of all of them.
pub(super) const ALL: [&str; 7] = [
    DISCOVERY, SERVICES, DEFINITION, POSTED, TOKEN, REQUEST, ERRORS,
];
