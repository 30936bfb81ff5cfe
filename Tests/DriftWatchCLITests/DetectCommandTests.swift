import Foundation
import Testing

/// `driftwatch detect` run as a real process.
@Suite struct DetectCommandTests {
    /// 1,000 values around 0, then 1,000 around 3: an abrupt drift at row 1000.
    private func abruptStream() -> [Double] {
        var state: UInt64 = 42
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        return (0..<2000).map { i in (uniform() + uniform() + uniform() - 1.5) + (i >= 1000 ? 3 : 0) }
    }

    @Test func adwinFindsTheAbruptDriftInBareNumbersFromStandardInput() throws {
        let input = abruptStream().map { "\($0)" }.joined(separator: "\n") + "\n"
        let run = try Driftwatch.run(
            ["detect", "--detector", "adwin", "--format", "json"], input: Data(input.utf8))
        #expect(run.status == 1, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["detector"] as? String == "adwin")
        #expect(json["n"] as? Int == 2000)
        let detections = try #require(json["detections"] as? [Int])
        #expect(detections.count >= 1)
        #expect(detections.allSatisfy { $0 >= 1000 && $0 < 1100 }, "\(detections)")
        #expect(json["warnings"] == nil, "adwin has no warnings")
        let params = try #require(json["params"] as? [String: Any])
        #expect(params["delta"] as? Double == 0.002)
    }

    @Test func aCSVColumnWithParametersAndWarnings() throws {
        let directory = try TemporaryDirectory()
        var lines = ["ts,error"]
        for i in 0..<3000 { lines.append("\(i),\(i >= 1500 ? (i % 2) : (i % 10 == 0 ? 1 : 0))") }
        let path = try directory.write("errors.csv", lines.joined(separator: "\n") + "\n")
        let run = try Driftwatch.run([
            "detect", "--detector", "ddm", "--input", path, "--column", "error", "--param", "drift_threshold=3",
            "--format", "json",
        ])
        #expect(run.status == 1, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let detections = try #require(json["detections"] as? [Int])
        let warnings = try #require(json["warnings"] as? [Int])
        #expect(detections.first.map { $0 >= 1500 } == true, "\(detections)")
        #expect(warnings.contains { $0 >= 1500 && $0 < detections[0] })
    }

    @Test func noDriftExitsZero() throws {
        let stable = abruptStream().prefix(1000).map { "\($0)" }.joined(separator: "\n")
        let run = try Driftwatch.run(["detect", "--detector", "page_hinkley"], input: Data(stable.utf8))
        #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
        #expect(run.stdout.contains("Drifts: 0"))
    }

    @Test func badInputIsExplained() throws {
        let unknown = try Driftwatch.run(["detect", "--detector", "nope"], input: Data("1\n".utf8))
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown detector \"nope\""))
        let parameter = try Driftwatch.run(
            ["detect", "--detector", "adwin", "--param", "delta=2"], input: Data("1\n".utf8))
        #expect(parameter.status == 2)
        #expect(parameter.stderr.contains("delta"))
        let notBinary = try Driftwatch.run(["detect", "--detector", "ddm"], input: Data("0\n1\n0.5\n".utf8))
        #expect(notBinary.status == 2)
        #expect(notBinary.stderr.contains("data row 3"))
        let notNumber = try Driftwatch.run(["detect", "--detector", "adwin"], input: Data("1\n2\nabc\n".utf8))
        #expect(notNumber.status == 2)
        #expect(notNumber.stderr.contains("line 3"))
    }

    @Test func listsEveryDetector() throws {
        let run = try Driftwatch.run(["detect", "--list"])
        #expect(run.status == 0)
        for name in ["adwin", "kswin", "page_hinkley", "ddm", "eddm", "hddm_a", "hddm_w", "fhddm", "cusum"] {
            #expect(run.stdout.contains("\(name) ("), "\(name)")
        }
    }
}
