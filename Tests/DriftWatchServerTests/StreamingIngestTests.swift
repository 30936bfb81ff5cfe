import DriftWatchCore
import DriftWatchSQLite
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DriftWatchServer

/// Long bodies over a real connection: parsed as they stream in and committed in parts.
@Suite struct StreamingIngestTests {
    @Test(arguments: ["application/x-ndjson", "application/json"])
    func aLongBodyIsStoredInPartsAsItStreams(contentType: String) async throws {
        let directory = NSTemporaryDirectory() + "driftwatch-stream-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteEventStore(path: directory + "/driftwatch.sqlite")
        try await store.migrate()
        let limits = IngestLimits(maxEventsPerCommit: 500)
        let app = Application(router: DriftWatchServer.router(store: store, limits: limits))
        let count = 20_000
        let rows = (0..<count).map { k in
            #"{"model_id": "s", "request_id": "r\#(k)", "y_pred_num": \#(Double(k) / 7), "features": {"f0": \#(k % 13), "f1": "c\#(k % 5)", "note": "a \"quoted\", {braced} [text] \n line"}}"#
        }
        let body =
            contentType.contains("ndjson") ? rows.joined(separator: "\n") : "[" + rows.joined(separator: ",\n") + "]"
        try await app.test(.live) { client in
            let answer = try await postLive(port: client.port, "/v1/inferences", body, contentType: contentType)
            let object = try #require(try JSONSerialization.jsonObject(with: answer.body) as? [String: Any])
            #expect(answer.status == 200)
            #expect(object["accepted"] as? Int == count)
            #expect((object["request_ids"] as? [String])?.last == "r\(count - 1)")
            let health = try await get(client, "/health")
            let ingest = (health.body["components"] as? [String: Any])?["ingest"] as? [String: Any]
            #expect((ingest?["commits"] as? Int ?? 0) >= count / 500, "committed in parts of at most 500 events")
        }
        #expect(try await store.inferenceCount(modelID: "s") == count)
        let last = try #require(try await store.event(modelID: "s", requestID: "r19999"))
        #expect(last.inference.predictionNumber == 19999.0 / 7)
        #expect(last.inference.features["note"] == .text("a \"quoted\", {braced} [text] \n line"))
    }
}

/// Features stored as received (without encoding them again) read back exactly as decoded.
@Suite struct VerbatimFeatureTests {
    @Test func featuresReadBackAsDecodedWhetherStoredVerbatimOrEncoded() async throws {
        let cases: [(text: String, expected: [String: FeatureValue])] = [
            (
                #"{"a": 1E5, "b": -0.0, "c": "caf\u00e9", "d": null}"#,
                ["a": .number(100_000), "b": .number(-0.0), "c": .text("café"), "d": .missing]
            ),
            (#"{"a": 1, "a": 2}"#, ["a": .number(2)]),
            (#"{ "x" : 0.1 ,"y":"\"quoted\" \\ slash" }"#, ["x": .number(0.1), "y": .text(#""quoted" \ slash"#)]),
            // Not stored verbatim: NaN spelled as text, a boolean, an overflowing number.
            (
                #"{"n": "NaN", "t": true, "big": 1e999, "k": 3}"#,
                ["n": .missing, "t": .text("true"), "big": .missing, "k": .number(3)]
            ),
        ]
        try await withServer { client, store in
            for (position, example) in cases.enumerated() {
                let body = #"{"model_id": "v", "request_id": "r\#(position)", "features": \#(example.text)}"#
                let answer = try await post(client, "/v1/inferences", body)
                #expect(answer.status == .ok, "\(answer.body)")
                let stored = try #require(try await store.event(modelID: "v", requestID: "r\(position)"))
                #expect(stored.inference.features == example.expected, "\(example.text)")
            }
        }
    }
}

/// The received features text is kept only when it describes the decoded features exactly.
@Suite struct VerbatimFeatureDecodingTests {
    @Test func theTextIsKeptOnlyWhenNothingWasNormalized() throws {
        let cases: [(text: String, kept: Bool)] = [
            (#"{"a": 1E5, "c": "caf\u00e9", "d": null}"#, true),
            (#"{"n": "NaN"}"#, false),
            (#"{"t": true}"#, false),
            (#"{"big": 1e999}"#, false),
        ]
        for (text, kept) in cases {
            let row = try JSONParser.parse(#"{"model_id": "m", "features": \#(text)}"#)
            let event = try EventRowDecoding.inference(
                row, index: 0, limits: IngestLimits(), receivedAt: Date(), featuresText: text)
            #expect(event.featuresJSON == (kept ? text : nil), "\(text)")
        }
    }
}
