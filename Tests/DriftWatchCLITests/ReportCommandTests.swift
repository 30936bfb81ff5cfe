import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `driftwatch report` against a real server process, and its errors.
@Suite(.serialized) struct ReportCommandTests {
    /// Declares a model with a reference and a few predictions on the server at `port`.
    private func seed(port: Int) async throws {
        func post(_ path: String, _ body: String, _ type: String) async throws -> Int {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            request.httpMethod = "POST"
            request.timeoutInterval = 600
            request.setValue(type, forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(body.utf8)
            let (_, response) = try await URLSession.shared.data(for: request)
            return (response as? HTTPURLResponse)?.statusCode ?? 0
        }
        #expect(
            try await post(
                "/v1/models", #"{"id": "churn-eu", "task": "binary", "features": {"tenure": "numeric"}}"#,
                "application/json") == 201)
        let reference = "tenure\n" + (0..<200).map { "\($0 % 48)\n" }.joined()
        #expect(try await post("/v1/models/churn-eu/reference", reference, "text/csv") == 201)
        let events = (0..<50).map {
            #"{"model_id": "churn-eu", "request_id": "r\#($0)", "y_pred_num": \#($0 % 2), "latency_ms": 12, "features": {"tenure": \#($0 % 60)}}"#
        }.joined(separator: "\n")
        #expect(try await post("/v1/inferences", events, "application/x-ndjson") == 200)
    }

    @Test func aReportFromALiveServerIsWrittenAsOneHTMLFile() async throws {
        let directory = try TemporaryDirectory()
        let port = TestPort.free()
        let server = try ServerProcess.start(port: port, dataDirectory: directory.path)
        defer { server.terminate() }
        try await seed(port: port)
        let file = directory.path + "/report.html"
        let from = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-86_400))
        let to = ISO8601DateFormatter().string(from: Date().addingTimeInterval(60))
        let run = try Driftwatch.run([
            "report", "--model", "churn-eu", "--from", from, "--to", to, "--target", "http://127.0.0.1:\(port)",
            "-o", file,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("wrote the html report of churn-eu to \(file)"), "\(run.stderr)")
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("<h1>churn-eu</h1>"))
        #expect(html.contains("<dt>Inferences</dt><dd>50</dd>"), "the window's inferences")
        #expect(!html.contains("http://") && !html.contains("https://"), "no address to load anything from")

        let json = try Driftwatch.run([
            "report", "--model", "churn-eu", "--window", "1d", "--format", "json", "--target",
            "http://127.0.0.1:\(port)",
        ])
        #expect(json.status == 0, "\(json.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["model_id"] as? String == "churn-eu")
        #expect(report["inferences"] as? Int == 50)
        #expect((report["recommendations"] as? [Any])?.isEmpty == false)

        let unknown = try Driftwatch.run(["report", "--model", "nope", "--target", "http://127.0.0.1:\(port)"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--model: no model nope"), "\(unknown.stderr)")
        let segment = try Driftwatch.run([
            "report", "--model", "churn-eu", "--segment", "region", "--target", "http://127.0.0.1:\(port)",
        ])
        #expect(segment.status == 2)
        #expect(segment.stderr.contains("--segment: must be key:value"), "the server's refusal names the option")
    }

    @Test(arguments: [
        (["report", "--model", "m", "--from", "last tuesday"], "--from: 'last tuesday' is not an RFC 3339 time"),
        (["report", "--model", "m", "--to", "2026-13-45"], "--to: '2026-13-45' is not an RFC 3339 time"),
        (["report", "--model", "m", "--format", "pdf"], "--format must be html or json"),
        (
            ["report", "--model", "m", "--from", "2026-01-01T00:00:00Z", "--window", "1d"],
            "--window: give either --from or --window"
        ),
        (["report", "--model", "m", "--target", "ftp://example.com"], "--target"),
        (["report", "--model", "m", "--target", "http://127.0.0.1:9"], "cannot reach http://127.0.0.1:9"),
    ])
    func badInputExitsWith2NamingIt(arguments: [String], message: String) throws {
        let run = try Driftwatch.run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }
}
