import DriftWatchAlerting
import DriftWatchCore
import Foundation
import Logging

/// Everything `driftwatch serve` can be told: from the YAML config file (see
/// `driftwatch.example.yaml`), then command-line flags on top.
public struct ServerConfiguration: Sendable {
    /// Where the data is kept.
    public struct Storage: Sendable, Hashable {
        /// The storage adapters.
        public enum Backend: String, Sendable, Hashable, CaseIterable {
            /// An embedded SQLite database file in ``dataDirectory``.
            case sqlite
        }

        /// The adapter.
        public var backend = Backend.sqlite
        /// The folder of the embedded database.
        public var dataDirectory = "./driftwatch-data"

        /// The default storage: SQLite in `./driftwatch-data`.
        public init() {}
    }

    /// How the server logs.
    public struct LogSettings: Sendable, Hashable {
        /// Line formats.
        public enum Format: String, Sendable, Hashable, CaseIterable {
            /// `2026-11-22T10:00:00Z info driftwatch: message key=value`, for people.
            case text
            /// One JSON object per line, for log pipelines.
            case json
        }

        /// The lowest level written.
        public var level = Logger.Level.info
        /// The line format.
        public var format = Format.text

        /// The default: `info`, text.
        public init() {}
    }

    /// The scheduled monitors.
    public struct Monitoring: Sendable, Hashable {
        /// Whether monitors run at all.
        public var enabled = true
        /// Seconds between rounds.
        public var interval: TimeInterval = 60
        /// How far back each round looks, in seconds.
        public var window: TimeInterval = 3600
        /// For models without an uploaded reference: compare each window with this much of the
        /// model's traffic before it, in seconds (nil: such models get no drift).
        public var rollingReference: TimeInterval?

        /// The default: every minute, over the last hour.
        public init() {}
    }

    /// How profiles keep up with stored events.
    public struct Profiling: Sendable, Hashable {
        /// Seconds between passes over newly stored events.
        public var interval: TimeInterval = 1
        /// Events read and merged per transaction.
        public var batchSize = 20_000
        /// While the profiler is behind, passes double up to this many events (at least
        /// `batchSize`): a backfill's profiles catch up sooner, and its merges hold the writer
        /// longer.
        public var maxBatchSize = 100_000
        /// Inferences kept in memory after their commit, so that the profiler takes them from
        /// there instead of reading them back from the store (0: always read them back). A
        /// pass starts before ``interval`` is out once half this many are waiting, while passes
        /// touch few buckets per event (see `ProfilingBacklog`).
        public var recentEvents = 50_000

        /// The default: every second, 20,000 events per transaction (up to 100,000 while behind),
        /// the last 50,000 inferences kept for the profiler.
        public init() {}
    }

    /// How long data is kept. A value of 0 keeps it forever.
    public struct Retention: Sendable, Hashable {
        /// Raw events and labels, in seconds.
        public var events: TimeInterval = 30 * 86_400
        /// Minute profiles, in seconds.
        public var minuteProfiles: TimeInterval = 7 * 86_400
        /// Ten-minute profiles, in seconds.
        public var tenMinuteProfiles: TimeInterval = 30 * 86_400
        /// Hour profiles, in seconds.
        public var hourProfiles: TimeInterval = 90 * 86_400
        /// Day profiles, in seconds.
        public var dayProfiles: TimeInterval = 0
        /// Rows deleted per transaction, so that expiry never holds the writer for long.
        public var batchSize = 5_000
        /// Seconds between expiry passes.
        public var interval: TimeInterval = 600

        /// The default: events 30 days, minutes 7 days, ten minutes 30 days, hours 90 days, days
        /// forever.
        public init() {}
    }

    /// Alert rules, routing and receivers.
    public struct Alerting: Sendable {
        /// Whether rules are evaluated at all.
        public var enabled = true
        /// Whether the shipped rules (``AlertRule/defaults``) apply beside the configured ones.
        public var defaultRules = true
        /// Rules from the config; rules created through the API are stored in the database.
        public var rules: [AlertRule] = []
        /// Routes, receivers and inhibition; nil keeps alert state without notifying anyone.
        public var routing: AlertRoutingConfiguration?
        /// DriftWatch's public URL, for links in notifications.
        public var externalURL: String?
        /// Seconds between checks for due notifications.
        public var notifyInterval: TimeInterval = 5

        /// The default: shipped rules on, no receivers.
        public init() {}
    }

    /// The address to bind.
    public var host = "127.0.0.1"
    /// The port to bind.
    public var port = 8000
    /// Where the data is kept.
    public var storage = Storage()
    /// Request and queue limits.
    public var limits = IngestLimits()
    /// Logging.
    public var logging = LogSettings()
    /// Scheduled monitors.
    public var monitoring = Monitoring()
    /// Profiles.
    public var profiling = Profiling()
    /// Alerting.
    public var alerting = Alerting()
    /// Data expiry.
    public var retention = Retention()
    /// Models declared up front; declared again (replacing the stored definition) at every start.
    public var models: [ModelDefinition] = []

    /// The defaults: 127.0.0.1:8000, SQLite in `./driftwatch-data`, default limits, info logs.
    public init() {}
}
