import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `driftwatch check-config` and `driftwatch serve --config`, run as a user runs them.
@Suite(.serialized) struct ConfigCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A config file in `directory` that serves on `port` with its data in `directory`/data,
    /// followed by the sections in `rest`.
    static func config(in directory: TemporaryDirectory, port: Int, _ rest: String) throws -> String {
        try directory.write(
            "driftwatch.yaml",
            """
            server:
              port: \(port)
            storage:
              data_dir: \(directory.path)/data

            """ + rest)
    }

    @Test func theShippedExampleChecksOut() throws {
        let example = Self.repository.appendingPathComponent("driftwatch.example.yaml").path
        let run = try Driftwatch.run(["check-config", example])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("valid"))
        #expect(run.stdout.contains("models     fraud, price"))
    }

    @Test func aBadFileListsEveryProblemAndExits2() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("bad.yaml", "server:\n  port: 99999\nlimits:\n  max_featurs: 3\n")
        let run = try Driftwatch.run(["check-config", file])
        #expect(run.status == 2)
        #expect(run.stderr.contains("2 problems in \(file)"))
        #expect(run.stderr.contains("\(file):2:9: server.port: must be between 0 and 65535, got 99999"))
        #expect(run.stderr.contains("limits.max_featurs: unknown setting (did you mean max_features?)"))
        let missing = try Driftwatch.run(["check-config", directory.path + "/none.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read the file"))
        let serve = try Driftwatch.run(["serve", "--config", file])
        #expect(serve.status == 2, "the server refuses to start on a bad config")
        #expect(serve.stderr.contains("invalid config"))
    }

    @Test func serveReadsTheConfigDeclaresItsModelsAndLogsJSON() async throws {
        let directory = try TemporaryDirectory()
        let port = TestPort.free()
        let config = try Self.config(
            in: directory, port: port,
            """
            logging:
              format: json
            models:
              - id: fraud
                task: binary
                features: {amount: numeric, country: categorical}
            """)
        let logPath = directory.path + "/server.log"
        #expect(FileManager.default.createFile(atPath: logPath, contents: nil))
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        let server = try ServerProcess.start(
            port: port, dataDirectory: "", arguments: ["serve", "--config", config], log: log)
        let (data, _) = try await URLSession.shared.data(
            from: URL(string: "http://127.0.0.1:\(port)/v1/models/fraud")!)
        server.terminate()
        try log.close()
        let model = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(model["origin"] as? String == "declared")
        #expect(model["features"] as? [String: String] == ["amount": "numeric", "country": "categorical"])
        #expect(FileManager.default.fileExists(atPath: directory.path + "/data/driftwatch.sqlite"))
        let lines = try String(contentsOfFile: logPath, encoding: .utf8).split(separator: "\n")
        let objects = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(!lines.isEmpty && objects.count == lines.count, "every log line is one JSON object")
        #expect(objects.contains { $0["message"] as? String == "store ready" && $0["backend"] as? String == "sqlite" })
        #expect(
            objects.contains {
                $0["message"] as? String == "model declared from the config" && $0["model"] as? String == "fraud"
            })
    }

    @Test func aProfilerIntervalOfAnHourStillProfilesEventsOnceHalfTheMemoryRunWaits() async throws {
        // 400 inferences kept in memory: a pass starts once 200 are waiting, hours before the
        // interval would start one (and no monitor round, which profiles first, runs).
        let directory = try TemporaryDirectory()
        let port = TestPort.free()
        let config = try Self.config(
            in: directory, port: port,
            """
            profiling:
              interval: 1h
              recent_events: 400
            monitoring:
              enabled: false
            """)
        let server = try ServerProcess.start(port: port, dataDirectory: "", arguments: ["serve", "--config", config])
        defer { server.terminate() }
        func post(_ first: Int, _ count: Int) async throws {
            let rows = (first..<first + count).map { k in
                #"{"model_id":"woken","request_id":"r\#(k)","y_pred_num":0.5,"features":{"x":\#(k)}}"#
            }
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/inferences")!)
            request.httpMethod = "POST"
            request.setValue("application/x-ndjson", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(rows.joined(separator: "\n").utf8)
            let (_, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
        }
        func behind() async throws -> Int? {
            let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/health")!)
            let health = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            let components = health?["components"] as? [String: Any]
            return (components?["profiles"] as? [String: Any])?["events_behind"] as? Int
        }
        // Fewer than half: they wait for the interval (the first pass ran at start).
        try await post(0, 50)
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await behind() == 50)
        // Past half: a pass starts at once and profiles all 250.
        try await post(50, 200)
        var waited = 0
        while try await behind() != 0 && waited < 600 {
            try await Task.sleep(for: .milliseconds(100))
            waited += 1
        }
        #expect(try await behind() == 0)
    }
}

/// `driftwatch reference upload` against a running server, then drift over HTTP.
@Suite(.serialized) struct ReferenceCommandTests {
    @Test func uploadThenAskForDrift() async throws {
        let directory = try TemporaryDirectory()
        let port = TestPort.free()
        let server = try ServerProcess.start(port: port, dataDirectory: directory.path + "/data")
        defer { server.terminate() }
        let csv = try directory.write(
            "reference.csv",
            "score,plan\n" + (0..<300).map { "\(Double($0 % 50) / 10),\($0 % 2 == 0 ? "a" : "b")\n" }.joined())
        let upload = try Driftwatch.run([
            "reference", "upload", "--model", "churn", "--file", csv, "--server", "http://127.0.0.1:\(port)",
        ])
        #expect(upload.status == 0, "\(upload.stderr)")
        #expect(upload.stdout.contains("\"rows\":300"))
        let refused = try Driftwatch.run([
            "reference", "upload", "--model", "churn", "--file", try directory.write("empty.csv", "score\n"),
            "--server", "http://127.0.0.1:\(port)",
        ])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("refused the reference (422)"))
        let (data, _) = try await URLSession.shared.data(
            from: URL(string: "http://127.0.0.1:\(port)/v1/models/churn/reference")!)
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(summary["rows"] as? Int == 300)

        let versioned = try Driftwatch.run([
            "reference", "upload", "--model", "churn", "--version", "v 2", "--file",
            try directory.write("v2.csv", "score\n1\n2\n3\n"), "--server", "http://127.0.0.1:\(port)",
        ])
        #expect(versioned.status == 0, "\(versioned.stderr)")
        #expect(versioned.stdout.contains("\"model_version\":\"v 2\"") && versioned.stdout.contains("\"rows\":3"))
        let (listed, _) = try await URLSession.shared.data(
            from: URL(string: "http://127.0.0.1:\(port)/v1/models/churn/reference")!)
        let after = try #require(try JSONSerialization.jsonObject(with: listed) as? [String: Any])
        #expect(after["rows"] as? Int == 300, "the model-wide reference stays")
        #expect(after["versions_with_reference"] as? [String] == ["v 2"])
    }
}
