import Foundation
import Testing

/// `driftwatch drift` run as a real process on real files.
@Suite struct DriftCommandTests {
    @Test func noDriftExitsZeroAndPrintsTheDocumentedJSON() throws {
        let directory = try TemporaryDirectory()
        let reference = try directory.write("ref.csv", csv(rows: 300, shift: 0, seed: 1))
        let current = try directory.write("cur.csv", csv(rows: 300, shift: 0, seed: 2))
        let run = try Driftwatch.run(["drift", "--reference", reference, "--current", current, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["reference_rows"] as? Int == 300)
        #expect(json["current_rows"] as? Int == 300)
        let dataset = try #require(json["dataset_drift"] as? [String: Any])
        #expect(Set(dataset.keys).isSuperset(of: ["drifted", "total", "share", "threshold", "detected"]))
        #expect(dataset["total"] as? Int == 3)
        #expect(dataset["detected"] as? Bool == false)
        let features = try #require(json["features"] as? [[String: Any]])
        #expect(features.map { $0["name"] as? String } == ["x", "y", "color"])
        #expect(features.map { $0["kind"] as? String } == ["numeric", "numeric", "categorical"])
        for feature in features {
            #expect(
                Set(feature.keys).isSuperset(of: [
                    "name", "kind", "missing_reference", "missing_current", "drift", "results",
                ]))
            let results = try #require(feature["results"] as? [[String: Any]])
            for result in results {
                #expect(Set(result.keys).isSuperset(of: ["method", "statistic", "p_value", "threshold", "drift"]))
            }
        }
    }

    @Test func driftExitsOneAndTextNamesTheDriftedColumns() throws {
        let directory = try TemporaryDirectory()
        let reference = try directory.write("ref.csv", csv(rows: 400, shift: 0, seed: 1))
        let current = try directory.write("cur.csv", csv(rows: 400, shift: 1.5, seed: 2))
        let run = try Driftwatch.run([
            "drift", "--reference", reference, "--current", current, "--dataset-drift-share", "0.3",
        ])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("Dataset drift: DETECTED"))
        let xLine = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("x ") })
        #expect(xLine.contains("DRIFT"))
    }

    @Test func explicitMethodsAndThresholds() throws {
        let directory = try TemporaryDirectory()
        let reference = try directory.write("ref.csv", csv(rows: 200, shift: 0, seed: 1))
        let current = try directory.write("cur.csv", csv(rows: 200, shift: 0, seed: 2))
        let run = try Driftwatch.run([
            "drift", "--reference", reference, "--current", current, "--method", "ks,psi,chisquare",
            "--threshold", "psi=0.0", "--format", "json",
        ])
        #expect(run.status == 1, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let features = try #require(json["features"] as? [[String: Any]])
        let methods = features.map { ($0["results"] as? [[String: Any]] ?? []).compactMap { $0["method"] as? String } }
        #expect(methods == [["ks", "psi"], ["ks", "psi"], ["psi", "chisquare"]])
        let psi = try #require((features[0]["results"] as? [[String: Any]])?[1])
        #expect(psi["threshold"] as? Double == 0)
        #expect(psi["drift"] as? Bool == true)
    }

    @Test func categoricalOverrideAndColumnsInOneFile() throws {
        let directory = try TemporaryDirectory()
        let reference = try directory.write("ref.csv", "id,zip,old\n1,10115,a\n2,10117,b\n3,10115,c\n")
        let current = try directory.write("cur.csv", "id,zip,new\n1,10115,x\n2,10115,y\n")
        let run = try Driftwatch.run([
            "drift", "--reference", reference, "--current", current, "--categorical", "zip", "--format", "json",
        ])
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let features = try #require(json["features"] as? [[String: Any]])
        #expect(features.map { $0["kind"] as? String } == ["numeric", "categorical"])
        #expect(json["only_in_reference"] as? [String] == ["old"])
        #expect(json["only_in_current"] as? [String] == ["new"])
    }

    @Test func badInputExitsTwoNamingFileLineAndColumn() throws {
        let directory = try TemporaryDirectory()
        let reference = try directory.write("ref.csv", "a,b\n1,2\n3,4\n")
        let broken = try directory.write("broken.csv", "a,b\n1,2\n3,4,5\n")
        let run = try Driftwatch.run(["drift", "--reference", reference, "--current", broken])
        #expect(run.status == 2)
        #expect(run.stderr.contains("broken.csv, line 3"))
        let missing = try Driftwatch.run(["drift", "--reference", reference, "--current", directory.path + "/nope.csv"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.csv"))
        let unknownColumn = try Driftwatch.run([
            "drift", "--reference", reference, "--current", reference, "--categorical", "zzz",
        ])
        #expect(unknownColumn.status == 2)
        #expect(unknownColumn.stderr.contains("column \"zzz\""))
    }

    @Test func badArgumentsExitTwoAndHelpExitsZero() throws {
        let unknown = try Driftwatch.run(["drift", "--reference", "a.csv", "--current", "b.csv", "--method", "nope"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown method \"nope\""))
        let threshold = try Driftwatch.run(["drift", "--reference", "a", "--current", "b", "--threshold", "ks"])
        #expect(threshold.status == 2)
        #expect(threshold.stderr.contains("NAME=VALUE"))
        let help = try Driftwatch.run(["drift", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--reference"))
    }

    /// Two numeric columns and one categorical, with missing values; `shift` moves `x` only.
    private func csv(rows: Int, shift: Double, seed: UInt64) -> String {
        var state = seed &* 6_364_136_223_846_793_005 &+ 1
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var lines = ["x,y,color"]
        for row in 0..<rows {
            let x = (uniform() + uniform() + uniform() - 1.5) + shift
            let y = row % 37 == 0 ? "NA" : String(uniform() * 10)
            let color = ["red", "green", "blue"][Int(uniform() * 3) % 3]
            lines.append("\(x),\(y),\(color)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
