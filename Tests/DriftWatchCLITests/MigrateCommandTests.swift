import Foundation
import Testing

@Suite struct MigrateCommandTests {
    @Test func appliesOnceAndRecordsIt() throws {
        let directory = try TemporaryDirectory()
        let first = try Driftwatch.run(["migrate", "--data-dir", directory.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("applied          v1_models_events_labels"))
        #expect(first.stdout.contains("applied          v2_model_origin_schema_violations"))
        #expect(first.stdout.contains("applied          v3_reference_datasets"))
        #expect(first.stdout.contains("applied          v4_monitor_results"))
        #expect(first.stdout.contains("applied          v5_profiles_daily_metrics_scoped_results"))
        #expect(first.stdout.contains("applied          v6_alerting"))
        #expect(FileManager.default.fileExists(atPath: directory.path + "/driftwatch.sqlite"))
        let second = try Driftwatch.run(["migrate", "--data-dir", directory.path])
        #expect(second.status == 0)
        #expect(second.stdout.contains("already applied  v1_models_events_labels"))
        #expect(second.stdout.contains("already applied  v2_model_origin_schema_violations"))
    }

    @Test func anUnusableFolderIsBadInput() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("not-a-folder", "x")
        let run = try Driftwatch.run(["migrate", "--data-dir", file])
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot migrate the store"))
    }
}
