import DriftWatchAlerting
import DriftWatchCore
import Foundation
import Logging

/// The server's alerting state: the rules in force (shipped defaults, the config's, and those
/// managed through the API), the alerts with their history, silences, and notification
/// delivery. Evaluated after every monitor round; state survives restarts in the store.
actor AlertCenter {
    /// Where a rule comes from.
    enum Source: String, Sendable {
        case shipped, config, api
    }

    /// A rule in force.
    struct ManagedRule: Sendable {
        var rule: AlertRule
        var source: Source
        var version: Int
    }

    /// Why a rule change was refused.
    enum Refusal: Error, Equatable {
        case exists(String)
        case notFound(String)
        case readOnly(String)
        case invalid([AlertConfigurationProblem])
    }

    let store: any EventStore & AlertStore
    let configuration: ServerConfiguration.Alerting
    let delivery: DeliveryQueue?
    let logger: Logger
    private var evaluator: AlertEvaluator
    private var planner: NotificationPlanner
    private var apiRules: [String: ManagedRule]

    /// How far back a series' stored values form its adaptive baseline.
    static let baselineLookback: TimeInterval = 7 * 86_400

    private var loaded = false
    /// The notification log as last stored.
    private var storedLog: [String: NotificationLogEntry] = [:]

    /// Creates the center; stored rules, alerts and silences are loaded on first use.
    init(
        store: any EventStore & AlertStore, configuration: ServerConfiguration.Alerting,
        transport: any NotificationTransport, logger: Logger
    ) {
        self.store = store
        self.configuration = configuration
        self.logger = logger
        apiRules = [:]
        evaluator = AlertEvaluator()
        let routing = configuration.routing ?? AlertRoutingConfiguration(route: Route(), receivers: [])
        planner = NotificationPlanner(configuration: routing)
        delivery =
            configuration.routing.map {
                DeliveryQueue(
                    receivers: $0.receivers, transport: transport, externalURL: configuration.externalURL,
                    logger: logger)
            }
    }

    /// Loads the stored rules, alerts and silences once.
    func load() async throws {
        guard !loaded else { return }
        for document in try await store.alertRuleDocuments() {
            let rule = try AlertJSON.decode(AlertRule.self, from: Array(document.json.utf8))
            apiRules[rule.id] = ManagedRule(rule: rule, source: .api, version: document.version)
        }
        evaluator = AlertEvaluator(
            alerts: try await store.alertDocuments().map { try AlertJSON.decode(Alert.self, from: Array($0.json.utf8)) }
        )
        planner.silences = try await store.silenceDocuments().map {
            try AlertJSON.decode(Silence.self, from: Array($0.json.utf8))
        }
        var log: [String: NotificationLogEntry] = [:]
        for document in try await store.notificationLogDocuments() {
            log[document.id] = try AlertJSON.decode(NotificationLogEntry.self, from: Array(document.json.utf8))
        }
        planner.restore(notificationLog: log)
        storedLog = log
        loaded = true
    }

    // MARK: - Rules

    /// Every rule in force: API rules replace shipped ones of the same id; config rules cannot
    /// be replaced through the API.
    func rules() async throws -> [ManagedRule] {
        try await load()
        var byID: [String: ManagedRule] = [:]
        if configuration.defaultRules {
            for rule in AlertRule.defaults { byID[rule.id] = ManagedRule(rule: rule, source: .shipped, version: 0) }
        }
        for (id, managed) in apiRules { byID[id] = managed }
        for rule in configuration.rules { byID[rule.id] = ManagedRule(rule: rule, source: .config, version: 0) }
        return byID.keys.sorted().map { byID[$0]! }
    }

    func rule(id: String) async throws -> ManagedRule? { try await rules().first { $0.rule.id == id } }

    /// Creates (`replacing` false) or replaces a rule through the API; returns its version.
    func save(_ rule: AlertRule, replacing: Bool, actor: String, at now: Date) async throws -> ManagedRule {
        let problems = rule.validate()
        guard problems.isEmpty else { throw Refusal.invalid(problems) }
        let current = try await self.rule(id: rule.id)
        if current?.source == .config { throw Refusal.readOnly(rule.id) }
        if !replacing, current != nil { throw Refusal.exists(rule.id) }
        if replacing, current == nil { throw Refusal.notFound(rule.id) }
        let version = try await store.saveAlertRule(
            id: rule.id, document: try Self.json(rule), change: current == nil ? "create" : "update", actor: actor,
            at: now)
        let managed = ManagedRule(rule: rule, source: .api, version: version)
        apiRules[rule.id] = managed
        return managed
    }

    /// Deletes an API rule (a shipped rule it replaced comes back).
    func deleteRule(id: String, actor: String, at now: Date) async throws {
        guard apiRules[id] != nil else {
            throw try await rule(id: id) == nil ? Refusal.notFound(id) : Refusal.readOnly(id)
        }
        _ = try await store.saveAlertRule(id: id, document: nil, change: "delete", actor: actor, at: now)
        apiRules[id] = nil
    }

    // MARK: - Evaluation

    /// Evaluates every rule on a monitor round's results, stores the alerts and their
    /// transitions, and hands due notifications to delivery.
    @discardableResult
    func evaluate(results: [MonitorResult], at now: Date) async throws -> [AlertTransition] {
        guard configuration.enabled else { return [] }
        try await load()
        let baselines = try await baselines(for: results, before: now)
        let transitions = evaluator.evaluate(
            try await rules().map(\.rule), results: results, baselines: baselines, at: now)
        let documents = try evaluator.alerts.map { StoredDocument(id: $0.id, json: try Self.json($0)) }
        let history = try transitions.map {
            AlertHistoryEntry(
                ruleID: $0.ruleID, labels: try Self.json($0.labels), from: $0.from.rawValue, to: $0.to.rawValue,
                at: $0.at, value: $0.value)
        }
        try await store.saveAlerts(documents, transitions: history)
        planner.update(alerts: evaluator.alerts, at: now)
        await notify(at: now)
        for transition in transitions { logger.info("alert \(transition)") }
        return transitions
    }

    /// Hands notifications that are due to delivery, then stores what each group was told so that
    /// a restart does not tell it again. Queued first, stored second: a crash in between repeats
    /// a notification rather than losing one.
    func notify(at now: Date) async {
        let due = planner.tick(at: now)
        if let delivery {
            for notification in due where !(await delivery.enqueue(notification)) {
                logger.warning("notification dropped: the delivery queue is full")
            }
        }
        guard planner.notificationLog != storedLog else { return }
        do {
            try await store.saveNotificationLog(
                planner.notificationLog.map { key, entry in
                    StoredDocument(id: key, json: try Self.json(entry), updatedAt: entry.at)
                })
            storedLog = planner.notificationLog
        } catch {
            // Delivery goes on; the next tick stores the log again.
            logger.error("storing the notification log failed", metadata: ["error": "\(error)"])
        }
    }

    /// Adaptive baselines. A drift score's is its spread on chunks of the reference (computed by
    /// the monitor, as NannyML sets its thresholds); any other series' is the mean and standard
    /// deviation of its stored values over the previous ``baselineLookback`` (the monitor windows
    /// before the current one), read for all series of a round together.
    private func baselines(for results: [MonitorResult], before now: Date) async throws -> ReferenceBaselines {
        var baselines = ReferenceBaselines()
        var fromHistory: [Date: [MonitorResult]] = [:]
        for result in results where result.value != nil {
            if let chunks = result.referenceBaseline {
                baselines.baselines[SeriesKey(result)] = ReferenceBaseline(
                    mean: chunks.mean, standardDeviation: chunks.standardDeviation)
            } else {
                fromHistory[result.windowStart, default: []].append(result)
            }
        }
        for (windowStart, group) in fromHistory {
            let statistics = try await store.resultStatistics(
                of: group.map(SeriesKey.init), from: now - Self.baselineLookback, to: windowStart)
            for (result, statistics) in zip(group, statistics) {
                guard let statistics else { continue }
                baselines.baselines[SeriesKey(result)] = ReferenceBaseline(
                    mean: statistics.mean, standardDeviation: statistics.standardDeviation)
            }
        }
        return baselines
    }

    // MARK: - Reads and silences

    /// Current alerts (pending, firing, recently resolved), optionally of one state.
    func alerts(state: AlertState?) async throws -> [Alert] {
        try await load()
        return evaluator.alerts.filter { state == nil || $0.state == state }.sorted { $0.activeAt > $1.activeAt }
    }

    func silences() async throws -> [Silence] {
        try await load()
        return planner.silences
    }

    /// Adds a silence, stored and audited.
    func add(_ silence: Silence, actor: String, at now: Date) async throws {
        let problems = silence.validate()
        guard problems.isEmpty else { throw Refusal.invalid(problems) }
        try await load()
        planner.silences.removeAll { $0.id == silence.id }
        planner.silences.append(silence)
        let json = try Self.json(silence)
        try await store.saveSilence(StoredDocument(id: silence.id, json: json, updatedAt: now))
        try await store.audit(
            AuditEntry(at: now, actor: actor, action: "silence", target: "silence:\(silence.id)", details: json))
    }

    /// Ends a silence now.
    func expireSilence(id: String, actor: String, at now: Date) async throws {
        try await load()
        guard planner.expireSilence(id: id, at: now), let silence = planner.silences.first(where: { $0.id == id })
        else { throw Refusal.notFound(id) }
        let json = try Self.json(silence)
        try await store.saveSilence(StoredDocument(id: id, json: json, updatedAt: now))
        try await store.audit(
            AuditEntry(at: now, actor: actor, action: "expire", target: "silence:\(id)", details: json))
    }

    /// Per receiver: sent, failed, retried, dropped and the last error.
    func deliveryStatistics() async -> [String: ReceiverDeliveryStatistics] {
        await delivery?.statistics() ?? [:]
    }

    static func json(_ value: some Encodable) throws -> String { try AlertJSON.encode(value) }
}
