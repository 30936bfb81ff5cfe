import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Traffic for the browser test, sent over HTTP as a client would: a declared binary model
/// `fraud` with a CSV reference, 3,000 predictions over the last hour whose `amount` drifted
/// upward, errors and latency, three regions, and labels for half of them.
struct DashboardSeed {
    let base: URL

    static let model = "fraud"
    static let events = 3_000

    /// A deterministic generator (SplitMix64), so that every run shows the same pages.
    struct Generator {
        var state: UInt64

        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }

        /// A normal variate (Box–Muller).
        mutating func normal(_ mean: Double, _ sd: Double) -> Double {
            let u = max(next(), 1e-12)
            return mean + sd * (-2 * log(u)).squareRoot() * cos(2 * .pi * next())
        }

        mutating func pick<T>(_ values: [T], weights: [Double]) -> T {
            var roll = next() * weights.reduce(0, +)
            for (value, weight) in zip(values, weights) {
                roll -= weight
                if roll <= 0 { return value }
            }
            return values[values.count - 1]
        }
    }

    func send() async throws {
        try await post(
            "v1/models",
            #"{"id": "fraud", "task": "binary", "description": "Card fraud classifier", "features": {"amount": "numeric", "age": "numeric", "country": "categorical"}, "segments": ["region"]}"#,
            expecting: [200, 201])
        var random = Generator(state: 42)
        let countries = ["DE", "FR", "US", "GB"]
        var csv = "amount,age,country\n"
        for _ in 0..<2_000 {
            let amount = max(random.normal(80, 25), 1)
            let age = (18 + random.next() * 62).rounded()
            csv += "\(amount),\(age),\(random.pick(countries, weights: [4, 3, 2, 1]))\n"
        }
        try await post("v1/models/fraud/reference", csv, contentType: "text/csv", expecting: [201])
        let now = Date()
        var lines: [String] = []
        var labels: [String] = []
        for i in 0..<Self.events {
            let ts = now.addingTimeInterval(-3_540 + 3_530 * Double(i) / Double(Self.events))
            // The amount drifts upward over the hour; age and country keep their reference shape.
            let amount = max(random.normal(80 + 70 * Double(i) / Double(Self.events), 25), 1)
            let age = (18 + random.next() * 62).rounded()
            let country = random.pick(countries, weights: [4, 3, 2, 1])
            let region = random.pick(["eu", "us", "apac"], weights: [5, 3, 2])
            let probability = min(max(0.02 + amount / 400 + random.normal(0, 0.05), 0.001), 0.999)
            let predicted = probability >= 0.5 ? "1" : "0"
            let latency = max(random.normal(region == "apac" ? 60 : 25, 8), 1)
            let error = random.next() < 0.02 ? #", "error": "timeout""# : ""
            lines.append(
                #"{"model_id": "fraud", "request_id": "r\#(i)", "ts": \#(ts.timeIntervalSince1970), "y_pred_text": "\#(predicted)", "y_proba": {"0": \#(1 - probability), "1": \#(probability)}, "latency_ms": \#(latency), "features": {"amount": \#(amount), "age": \#(age), "country": "\#(country)"}, "segments": {"region": "\#(region)"}\#(error)}"#
            )
            if i % 2 == 0 {
                let truth = random.next() < probability ? "1" : "0"
                labels.append(#"{"model_id": "fraud", "request_id": "r\#(i)", "y_true_text": "\#(truth)"}"#)
            }
        }
        for chunk in stride(from: 0, to: lines.count, by: 1_000) {
            let body = lines[chunk..<min(chunk + 1_000, lines.count)].joined(separator: "\n")
            try await post("v1/inferences", body, contentType: "application/x-ndjson", expecting: [200])
        }
        try await post(
            "v1/labels", labels.joined(separator: "\n"), contentType: "application/x-ndjson", expecting: [200])
    }

    /// GETs a JSON answer.
    func json(_ path: String) async throws -> [String: Any] {
        let (data, _) = try await URLSession.shared.data(from: URL(string: base.absoluteString + "/" + path)!)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    private func post(
        _ path: String, _ body: String, contentType: String = "application/json", expecting: Set<Int>
    ) async throws {
        var request = URLRequest(url: base.appendingPathComponent(path))
        request.httpMethod = "POST"
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard expecting.contains(status) else {
            throw ServerFailure(message: "POST /\(path) answered \(status): \(String(decoding: data, as: UTF8.self))")
        }
    }
}
