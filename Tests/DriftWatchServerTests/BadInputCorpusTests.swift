import DriftWatchServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A corpus of bad inputs: each gets a clear 4xx (or a 200 that names the bad rows), and the
/// good rows around bad ones are stored.
@Suite struct BadInputCorpusTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var uri = "/v1/inferences"
        var contentType = "application/json"
        var body: [UInt8]
        var status: HTTPResponse.Status
        /// The field named by the first rejected row, when rows are rejected.
        var field: String?
        /// A fragment of the error (the first rejected row's, or the answer's `error`).
        var error: String
        /// Rows stored.
        var accepted = 0

        init(
            _ name: String, uri: String = "/v1/inferences", contentType: String = "application/json", _ body: String,
            _ status: HTTPResponse.Status, field: String? = nil, error: String, accepted: Int = 0
        ) {
            self.init(
                name, uri: uri, contentType: contentType, bytes: Array(body.utf8), status, field: field, error: error,
                accepted: accepted)
        }

        init(
            _ name: String, uri: String = "/v1/inferences", contentType: String = "application/json", bytes: [UInt8],
            _ status: HTTPResponse.Status, field: String? = nil, error: String, accepted: Int = 0
        ) {
            self.name = name
            self.uri = uri
            self.contentType = contentType
            self.body = bytes
            self.status = status
            self.field = field
            self.error = error
            self.accepted = accepted
        }

        var testDescription: String { name }
    }

    static let limits = IngestLimits(
        maxBodyBytes: 4096, maxRowBytes: 1024, maxDepth: 4, maxFeatures: 3, maxStringLength: 16)

    static let good = #"{"model_id": "m", "features": {"x": 1}}"#

    static let cases: [Case] = [
        // The body as a whole.
        Case("not JSON", "hello", .badRequest, error: "not valid JSON"),
        Case("truncated object", #"{"model_id": "m""#, .badRequest, error: "ends inside a value"),
        Case("unclosed array", "[\(good)", .badRequest, error: "closing ']'"),
        Case("missing comma", "[\(good) \(good)]", .badRequest, error: "expected ',' or ']'"),
        Case("trailing comma", "[\(good),]", .badRequest, error: "expected a value"),
        Case("text after the array", "[\(good)] x", .badRequest, error: "unexpected text after the array"),
        Case(
            "body over the limit", "[" + Array(repeating: good, count: 120).joined(separator: ",") + "]",
            .contentTooLarge, error: "larger than 4096 bytes"),
        Case(
            "invalid UTF-8", bytes: Array(#"{"model_id": "m", "model_version": ""#.utf8) + [0xFF, 0x22, 0x7D],
            .badRequest, error: "invalid UTF-8"),
        Case("lone surrogate", #"{"model_id": "\ud800"}"#, .badRequest, error: "surrogate"),
        Case("NaN literal", #"{"model_id": "m", "y_pred_num": NaN}"#, .badRequest, error: "not valid JSON"),
        Case("single quotes", "{'model_id': 'm'}", .badRequest, error: "not valid JSON"),
        // Rows: every one refused.
        Case("a row that is not an object", "[1]", .unprocessableContent, field: "", error: "expected a JSON object"),
        Case(
            "missing model_id", #"{"features": {"x": 1}}"#, .unprocessableContent, field: "model_id",
            error: "is required"),
        Case(
            "model_id of the wrong type", #"{"model_id": ["m"]}"#, .unprocessableContent, field: "model_id",
            error: "must be a string, got array"),
        Case(
            "y_pred_num as text", #"{"model_id": "m", "y_pred_num": "0.4"}"#, .unprocessableContent,
            field: "y_pred_num", error: "must be a number, got string"),
        Case(
            "y_pred_num too large for a double", #"{"model_id": "m", "y_pred_num": 1e400}"#, .unprocessableContent,
            field: "y_pred_num", error: "finite"),
        Case(
            "negative latency", #"{"model_id": "m", "latency_ms": -3}"#, .unprocessableContent,
            field: "latency_ms", error: "≥ 0"),
        Case(
            "bad timestamp text", #"{"model_id": "m", "ts": "yesterday"}"#, .unprocessableContent, field: "ts",
            error: "not an ISO 8601 timestamp"),
        Case(
            "timestamp of the wrong type", #"{"model_id": "m", "ts": true}"#, .unprocessableContent, field: "ts",
            error: "ISO 8601 string or Unix seconds"),
        Case(
            "probability out of range", #"{"model_id": "m", "y_proba": {"yes": 1.5}}"#, .unprocessableContent,
            field: "y_proba.yes", error: "probability in [0, 1]"),
        Case(
            "too many features", #"{"model_id": "m", "features": {"a": 1, "b": 2, "c": 3, "d": 4}}"#,
            .unprocessableContent, field: "features", error: "the limit is 3"),
        Case(
            "a feature that is an object", #"{"model_id": "m", "features": {"a": {"b": 1}}}"#,
            .unprocessableContent, field: "features.a", error: "must be a number, string or null"),
        Case(
            "features as an array", #"{"model_id": "m", "features": [1, 2]}"#, .unprocessableContent,
            field: "features", error: "must be an object"),
        Case(
            "an over-long string", #"{"model_id": "m", "model_version": "\#(String(repeating: "v", count: 17))"}"#,
            .unprocessableContent, field: "model_version", error: "longer than 16 characters"),
        Case(
            "an over-long category", #"{"model_id": "m", "features": {"c": "\#(String(repeating: "c", count: 17))"}}"#,
            .unprocessableContent, field: "features.c", error: "longer than 16"),
        Case(
            "a segment that is an array", #"{"model_id": "m", "segments": {"region": ["eu"]}}"#,
            .unprocessableContent, field: "segments.region", error: "must be a string"),
        Case(
            "deep nesting", #"{"model_id": "m", "features": {"a": [[[[1]]]]}}"#, .badRequest, field: "",
            error: "nesting deeper than 4 levels"),
        Case(
            "a row over the row limit", #"{"model_id": "m", "error": "\#(String(repeating: "e", count: 1100))"}"#,
            .unprocessableContent, field: "", error: "the limit is 1024"),
        Case(
            "a label without its truth", uri: "/v1/labels", #"{"model_id": "m", "request_id": "r"}"#,
            .unprocessableContent, field: "y_true_num", error: "needs y_true_num or y_true_text"),
        Case(
            "a label without its request_id", uri: "/v1/labels", #"{"model_id": "m", "y_true_num": 1}"#,
            .unprocessableContent, field: "request_id", error: "is required"),
        // Rows: the good ones around the bad ones are stored.
        Case(
            "one bad NDJSON line among good ones", contentType: "application/x-ndjson",
            "\(good)\n{\"model_id\": \"m\", \"features\": {\"x\": tru}}\n\(good)\n", .ok, field: "",
            error: "not valid JSON", accepted: 2),
        Case(
            "one bad array element among good ones", "[\(good), {\"model_id\": 5.5e400}, \(good)]", .ok,
            field: "model_id", error: "", accepted: 2),
        Case(
            "NaN spelled as text in a feature is missing, not an error",
            #"{"model_id": "m", "features": {"x": "NaN"}}"#,
            .ok, error: "", accepted: 1),
    ]

    @Test(arguments: cases) func badInputGetsAClearAnswer(_ example: Case) async throws {
        try await withServer(limits: Self.limits) { client, store in
            let (status, answer) = try await client.execute(
                uri: example.uri, method: .post, headers: [.contentType: example.contentType],
                body: ByteBuffer(bytes: example.body)
            ) { response in (response.status, try json(response.body)) }
            #expect(status == example.status, "\(answer)")
            let rejected = answer["rejected"] as? [[String: Any]] ?? []
            if let field = example.field {
                #expect(rejected.first?["field"] as? String == field, "\(answer)")
                let message = rejected.first?["error"] as? String ?? ""
                #expect(example.error.isEmpty || message.contains(example.error), "\(message)")
            } else if !example.error.isEmpty {
                let message = answer["error"] as? String ?? ""
                #expect(message.contains(example.error), "\(message)")
            }
            #expect(answer["accepted"] as? Int == example.accepted)
            if example.uri == "/v1/inferences" {
                #expect(try await store.inferenceCount(modelID: nil) == example.accepted)
            }
        }
    }
}
