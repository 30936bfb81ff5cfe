import Foundation
import Testing

@Suite struct AlertsBacktestCommandTests {
    /// Stores 24 hourly drift-share results (0.9 from hour 10 to 14, else 0.1) with Python's
    /// sqlite3 module, as a monitor would have.
    static func seed(_ directory: String) throws {
        #expect(try Driftwatch.run(["migrate", "--data-dir", directory]).status == 0)
        let script = """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            start = 1780000000000
            db.execute("INSERT INTO models (id, task, schema, created_at) VALUES ('fraud', 'binary', '{}', ?)", (start,))
            for hour in range(24):
                value = 0.9 if 10 <= hour < 15 else 0.1
                db.execute(
                    "INSERT INTO monitor_results VALUES ('fraud', '', '', 'dataset_drift_share', '', ?, ?, ?, '{}')",
                    (start + hour * 3600000, start + (hour + 1) * 3600000, value))
            db.commit()
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, directory + "/driftwatch.sqlite"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func aRuleIsReplayedOverTheStoredHistory() throws {
        let directory = try TemporaryDirectory()
        try Self.seed(directory.path)
        let rule = try directory.write(
            "rule.yaml",
            """
            id: drift-share
            metric: dataset_drift_share
            condition: {threshold: {op: ">", value: 0.5}}
            for: 1h
            """)
        let run = try Driftwatch.run([
            "alerts", "backtest", "--rule", rule, "--from", "2026-05-28T20:26:40Z", "--to", "2026-05-29T20:26:40Z",
            "--step", "1h", "--data-dir", directory.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        // 0.9 is seen from 07:26:40 (the end of hour 10) and held for 1h: it fires at 08:26:40
        // and resolves when 0.1 returns at 12:26:40.
        #expect(run.stdout.contains("fired 1 time(s)"), "\(run.stdout)")
        #expect(run.stdout.contains("fired 2026-05-29T08:26:40"), "\(run.stdout)")
        #expect(run.stdout.contains("resolved 2026-05-29T12:26:40"), "\(run.stdout)")
    }

    @Test func aBadRuleIsBadInput() throws {
        let directory = try TemporaryDirectory()
        try Self.seed(directory.path)
        let rule = try directory.write(
            "rule.yaml", "id: x\nmetric: error_rate\ncondition: {threshold: {op: '=>', value: 1}}\n")
        let run = try Driftwatch.run([
            "alerts", "backtest", "--rule", rule, "--from", "2026-05-28T20:26:40Z", "--to", "2026-05-29T20:26:40Z",
            "--data-dir", directory.path,
        ])
        #expect(run.status == 2)
        #expect(run.stderr.contains("op"), "\(run.stderr)")
    }
}
