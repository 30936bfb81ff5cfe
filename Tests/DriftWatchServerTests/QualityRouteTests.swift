import DriftWatchCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Data quality of stored events against the reference.
@Suite struct QualityRouteTests {
    @Test func missingOutOfRangeOutliersAndUnseenCategoriesAreCounted() async throws {
        // Reference: x = 1…100 (Q1 25.75, Q3 75.25, fences −48.5 and 149.5), colour red/blue.
        let reference = "x,colour\n" + (1...100).map { "\($0),\($0 % 2 == 0 ? "red" : "blue")\n" }.joined()
        // Window: 20 events: x missing twice, 120 (out of range, inside the fences) twice,
        // 200 (both) once; colour "green" (unseen) three times, missing once.
        var rows: [String] = []
        for k in 0..<20 {
            let x: String
            switch k {
            case 0, 1: x = "null"
            case 2, 3: x = "120"
            case 4: x = "200"
            default: x = "\(k * 3)"
            }
            let colour = k < 3 ? #""green""# : k == 3 ? "null" : #""red""#
            rows.append(#"{"model_id": "q", "request_id": "r\#(k)", "features": {"x": \#(x), "colour": \#(colour)}}"#)
        }
        let body = rows.joined(separator: "\n")
        try await withServer { client, _ in
            #expect(
                try await post(client, "/v1/models/q/reference", reference, contentType: "text/csv").status == .created)
            #expect(try await post(client, "/v1/inferences", body, contentType: "application/x-ndjson").status == .ok)
            let answer = try await get(client, "/v1/models/q/quality?window=1h")
            #expect(answer.status == .ok, "\(answer.body)")
            #expect(answer.body["events"] as? Int == 20)
            let features = try #require(answer.body["features"] as? [[String: Any]])
            let byName = Dictionary(uniqueKeysWithValues: features.map { ($0["name"] as! String, $0) })
            let x = try #require(byName["x"])
            #expect(x["count"] as? Int == 20)
            #expect(x["missing"] as? Int == 2)
            #expect(x["out_of_range"] as? Int == 3)
            #expect(x["outliers"] as? Int == 1)
            let colour = try #require(byName["colour"])
            #expect(colour["missing"] as? Int == 1)
            #expect(colour["unseen"] as? Int == 3)
            // Problems: x 2 missing + 3 out of range = 5/20; colour 1 missing + 3 unseen = 4/20.
            let score = try #require(answer.body["score"] as? Double)
            #expect(abs(score - (1 - (5.0 / 20 + 4.0 / 20) / 2)) < 1e-12)
            #expect(try await get(client, "/v1/models/none/quality").status == .notFound)
        }
    }

    @Test func quartilesFollowNumpysLinearRule() {
        // numpy.quantile([1, 2, 3, 4], [0.25, 0.75]) == [1.75, 3.25]
        #expect(DataQuality.quantile([1, 2, 3, 4], 0.25) == 1.75)
        #expect(DataQuality.quantile([1, 2, 3, 4], 0.75) == 3.25)
        #expect(DataQuality.quantile([5], 0.75) == 5)
    }
}
