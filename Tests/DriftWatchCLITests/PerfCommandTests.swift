import Foundation
import Testing

/// `driftwatch perf` run as a real process, on data whose metrics are known by hand.
@Suite struct PerfCommandTests {
    @Test func binaryMetricsFromLabelsAndProbabilities() throws {
        // 4 TP, 1 FP, 2 FN, 3 TN: accuracy 0.7, precision 0.8, recall 4/6, f1 8/11.
        let rows = [
            (1, 1, 0.9), (1, 1, 0.8), (1, 1, 0.7), (1, 1, 0.6), (0, 1, 0.55),
            (1, 0, 0.4), (1, 0, 0.3), (0, 0, 0.2), (0, 0, 0.1), (0, 0, 0.05),
        ]
        let csv =
            "y_true,y_pred,y_proba\n" + rows.map { "\($0.0),\($0.1),\($0.2)" }.joined(separator: "\n") + "\n,1,0.5\n"
        let directory = try TemporaryDirectory()
        let path = try directory.write("preds.csv", csv)
        let run = try Driftwatch.run(["perf", "--task", "binary", "--input", path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["task"] as? String == "binary")
        #expect(json["n"] as? Int == 10)
        #expect(json["skipped"] as? Int == 1)
        let metrics = try #require(json["metrics"] as? [String: Any])
        #expect(metrics["accuracy"] as? Double == 0.7)
        #expect(abs((metrics["precision"] as? Double ?? 0) - 0.8) < 1e-12)
        #expect(abs((metrics["recall"] as? Double ?? 0) - 4.0 / 6) < 1e-12)
        #expect(abs((metrics["f1"] as? Double ?? 0) - 8.0 / 11) < 1e-12)
        // Positives' scores beat negatives' in 22 of 24 pairs.
        #expect(abs((metrics["roc_auc"] as? Double ?? 0) - 22.0 / 24) < 1e-12)
        for name in ["pr_auc", "log_loss", "brier", "ece"] { #expect(metrics[name] is Double, "\(name)") }
    }

    @Test func regressionAndGates() throws {
        let csv = "y_true,y_pred\n1,2\n2,2\n3,5\n4,NA\n"
        let directory = try TemporaryDirectory()
        let path = try directory.write("reg.csv", csv)
        let run = try Driftwatch.run([
            "perf", "--task", "regression", "--input", path, "--format", "json", "--max", "mae=0.5",
        ])
        #expect(run.status == 1, "the mae gate fails")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let metrics = try #require(json["metrics"] as? [String: Any])
        #expect(metrics["mae"] as? Double == 1)  // (1 + 0 + 2) / 3
        #expect(metrics["mse"] as? Double == 5.0 / 3)
        #expect(abs((metrics["mean_error"] as? Double ?? 0) - 1) < 1e-12)
        #expect((json["gate_failures"] as? [String])?.first?.contains("mae") == true)
        let passing = try Driftwatch.run(["perf", "--task", "regression", "--input", path, "--max", "mae=1.5"])
        #expect(passing.status == 0)
        #expect(passing.stdout.contains("rmse"))
    }

    @Test func multiclassWithProbabilityColumns() throws {
        let csv = """
            y_true,y_pred,proba_a,proba_b,proba_c
            a,a,0.7,0.2,0.1
            b,b,0.1,0.8,0.1
            c,b,0.2,0.5,0.3
            c,c,0.1,0.1,0.8
            a,c,0.3,0.3,0.4

            """
        let directory = try TemporaryDirectory()
        let path = try directory.write("multi.csv", csv)
        let run = try Driftwatch.run(["perf", "--task", "multiclass", "--input", path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let metrics = try #require(json["metrics"] as? [String: Any])
        #expect(metrics["accuracy"] as? Double == 0.6)
        #expect(metrics["precision_micro"] as? Double == 0.6)
        for name in ["f1_macro", "recall_weighted", "roc_auc", "log_loss"] {
            #expect(metrics[name] is Double, "\(name)")
        }
    }

    @Test func missingColumnsAreBadInput() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("bad.csv", "truth,guess\n1,1\n")
        let run = try Driftwatch.run(["perf", "--task", "binary", "--input", path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("column \"y_true\""))
        let gate = try Driftwatch.run(["perf", "--task", "binary", "--input", path, "--min", "accuracy"])
        #expect(gate.status == 2)
    }
}
