import DriftWatchCore
import DriftWatchServer
import Foundation
import Logging
import Testing

/// The YAML config file: the shipped example, defaults, and errors with their positions.
@Suite struct ConfigurationTests {
    /// The repository's root, from this file's path.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theShippedExampleIsValidAndSaysWhatItMeans() throws {
        let settings = try ServerConfiguration.load(
            path: Self.repository.appendingPathComponent("driftwatch.example.yaml").path)
        let defaults = ServerConfiguration()
        #expect(settings.host == defaults.host && settings.port == defaults.port)
        #expect(settings.storage == defaults.storage)
        #expect(settings.limits == defaults.limits, "the example documents the defaults")
        #expect(settings.logging == defaults.logging)
        #expect(settings.monitoring == defaults.monitoring)
        #expect(settings.retention == defaults.retention, "the example documents the defaults")
        #expect(settings.profiling == defaults.profiling, "the example documents the defaults")
        #expect(settings.models.map(\.id) == ["fraud", "price"])
        let fraud = try #require(settings.models.first)
        #expect(fraud.task == .binary)
        #expect(fraud.origin == .declared)
        #expect(fraud.schema.features["merchant_category"] == .categorical)
        #expect(fraud.schema.segments == ["region", "channel"])
    }

    @Test func anEmptyFileIsAllDefaults() throws {
        let settings = try ServerConfiguration.parse(yaml: "")
        #expect(settings.port == 8000 && settings.models.isEmpty)
    }

    @Test func settingsAndSizesAreRead() throws {
        let settings = try ServerConfiguration.parse(
            yaml: """
                server: {host: 0.0.0.0, port: 9100}
                storage: {data_dir: /var/lib/driftwatch}
                limits: {max_body_bytes: 64MiB, max_row_bytes: 512 KiB, max_features: 50, max_pending_events: 1000}
                logging: {level: debug, format: json}
                monitoring: {interval: 5m, window: 2d, enabled: false}
                """)
        #expect(settings.host == "0.0.0.0" && settings.port == 9100)
        #expect(settings.storage.dataDirectory == "/var/lib/driftwatch")
        #expect(settings.limits.maxBodyBytes == 64 << 20)
        #expect(settings.limits.maxRowBytes == 512 << 10)
        #expect(settings.limits.maxFeatures == 50 && settings.limits.maxPendingEvents == 1000)
        #expect(settings.logging.level == .debug && settings.logging.format == .json)
        #expect(!settings.monitoring.enabled && settings.monitoring.interval == 300)
        #expect(settings.monitoring.window == 2 * 86_400)
    }

    @Test func profilingSettingsAreReadAndChecked() throws {
        let profiling = try ServerConfiguration.parse(
            yaml: "profiling: {interval: 2s, batch_size: 5000, max_batch_size: 40000, recent_events: 0}"
        ).profiling
        #expect(profiling.interval == 2 && profiling.batchSize == 5000 && profiling.recentEvents == 0)
        #expect(profiling.maxBatchSize == 40000)
        #expect(ServerConfiguration.Profiling().maxBatchSize == 100_000)
        #expect {
            _ = try ServerConfiguration.parse(yaml: "profiling: {max_batch_size: 0}", source: "p.yaml")
        } throws: { error in
            (error as? ConfigurationErrors)?.errors.first?.description.contains("profiling.max_batch_size") == true
        }
        #expect {
            _ = try ServerConfiguration.parse(yaml: "profiling: {recent_events: -1}", source: "p.yaml")
        } throws: { error in
            (error as? ConfigurationErrors)?.errors.first?.description.contains("profiling.recent_events") == true
        }
    }

    @Test func retentionIsReadPerResolution() throws {
        let defaults = ServerConfiguration.Retention()
        #expect(defaults.minuteProfiles == 7 * 86_400 && defaults.tenMinuteProfiles == 30 * 86_400)
        #expect(defaults.hourProfiles == 90 * 86_400 && defaults.dayProfiles == 0)
        let retention = try ServerConfiguration.parse(
            yaml: """
                retention: {events: 2d, minute_profiles: 1d, ten_minute_profiles: 14d, hour_profiles: forever}
                """
        ).retention
        #expect(retention.events == 2 * 86_400 && retention.minuteProfiles == 86_400)
        #expect(retention.tenMinuteProfiles == 14 * 86_400 && retention.hourProfiles == 0)
        #expect(retention.dayProfiles == defaults.dayProfiles)
        #expect {
            _ = try ServerConfiguration.parse(yaml: "retention: {ten_minute_profiles: often}", source: "r.yaml")
        } throws: { error in
            (error as? ConfigurationErrors)?.errors.map(\.description) == [
                "r.yaml:1:34: retention.ten_minute_profiles: must be a duration such as 30s, 5m, 2h or 7d"
            ]
        }
    }

    @Test func everyProblemIsReportedWithItsPlace() {
        let yaml = """
            server:
              prot: 80
            limits:
              max_body_bytes: lots
              max_depth: 1
            logging: {level: loud}
            models:
              - id: a
                features:
                  x: float
              - task: binary
              - id: a
            """
        #expect {
            _ = try ServerConfiguration.parse(yaml: yaml, source: "bad.yaml")
        } throws: { error in
            guard let errors = error as? ConfigurationErrors else { return false }
            let lines = errors.errors.map(\.description)
            return lines == [
                "bad.yaml:2:3: server.prot: unknown setting (did you mean port?); expected one of host, port",
                "bad.yaml:4:19: limits.max_body_bytes: must be a size in bytes, such as 1048576, 512KiB, 64MiB or 1GiB",
                "bad.yaml:5:14: limits.max_depth: must be between 2 and 512, got 1",
                "bad.yaml:6:18: logging.level: must be one of trace, debug, info, notice, warning, error, critical",
                "bad.yaml:10:10: models[0].features.x: must be \"numeric\" or \"categorical\"",
                "bad.yaml:11:5: models[1].id: is required: a non-empty string",
                "bad.yaml:12:5: models[2].id: model a is declared twice",
            ]
        }
    }

    @Test func yamlSyntaxErrorsSayWhere() {
        #expect {
            _ = try ServerConfiguration.parse(yaml: "server: [\n", source: "x.yaml")
        } throws: { error in
            (error as? ConfigurationErrors)?.description.hasPrefix("x.yaml:2:1: not valid YAML") == true
        }
    }

    @Test func logLinesAreTextOrOneJSONObject() throws {
        let time = Date(timeIntervalSince1970: 1_800_000_000)
        let text = LineLogHandler.line(
            format: .text, time: time, level: .info, label: "driftwatch", message: "store ready",
            metadata: ["path": "a b", "port": "8000"])
        #expect(text == "2027-01-15T08:00:00.000Z info driftwatch: store ready path=\"a b\" port=8000\n")
        let json = LineLogHandler.line(
            format: .json, time: time, level: .warning, label: "driftwatch", message: "slow \"commit\"",
            metadata: ["ms": "12", "tags": ["a", "b"]])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["ts"] as? String == "2027-01-15T08:00:00.000Z")
        #expect(object["level"] as? String == "warning")
        #expect(object["message"] as? String == "slow \"commit\"")
        #expect(object["ms"] as? String == "12")
        #expect(object["tags"] as? [String] == ["a", "b"])
        #expect(json.hasSuffix("}\n") && json.filter { $0 == "\n" }.count == 1)
    }
}
