import DriftWatchAlerting
import DriftWatchCore
import Testing

@Suite("Alert state machine")
struct AlertEvaluatorTests {
    /// Runs one evaluation per minute with the given values of `error_rate` (nil: no result at
    /// all that minute) and returns the transitions of each minute.
    func run(_ rule: AlertRule, values: [Double?], evaluator: inout AlertEvaluator) -> [[String]] {
        values.enumerated().map { minute, value in
            let now = at(minutes: Double(minute))
            let results = value.map { [result("error_rate", $0, end: now)] } ?? []
            return steps(evaluator.evaluate([rule], results: results, at: now))
        }
    }

    @Test("with `for`, an alert is pending first and fires once the condition has held long enough")
    func forDuration() {
        let rule = thresholdRule(metric: "error_rate", 0.05, for: .minutes(3))
        var evaluator = AlertEvaluator()
        let log = run(rule, values: [0.1, 0.1, 0.1, 0.1, 0.1], evaluator: &evaluator)
        #expect(log == [["inactive→pending"], [], [], ["pending→firing"], []])
        let alert = try! #require(evaluator.alerts.first)
        #expect(alert.state == .firing)
        #expect(alert.activeAt == at(minutes: 0))
        #expect(alert.firedAt == at(minutes: 3))
    }

    @Test("without `for`, an alert fires at the first evaluation")
    func firesAtOnce() {
        var evaluator = AlertEvaluator()
        let log = run(thresholdRule(metric: "error_rate", 0.05), values: [0.01, 0.2], evaluator: &evaluator)
        #expect(log == [[], ["inactive→firing"]])
    }

    @Test("a condition that keeps toggling within `for` never fires")
    func flapping() {
        let rule = thresholdRule(metric: "error_rate", 0.05, for: .minutes(2))
        var evaluator = AlertEvaluator()
        let log = run(rule, values: [0.1, 0.1, 0.01, 0.1, 0.1, 0.01, 0.1, 0.01], evaluator: &evaluator)
        #expect(!log.joined().contains("pending→firing"))
        #expect(log.joined().filter { $0 == "inactive→pending" }.count == 3)
        #expect(log.joined().filter { $0 == "pending→inactive" }.count == 3)
        #expect(evaluator.alerts.isEmpty)
    }

    @Test("a firing alert resolves when the condition stops holding, and starts over if it returns")
    func resolves() {
        var evaluator = AlertEvaluator()
        let rule = thresholdRule(metric: "error_rate", 0.05, for: .minutes(1))
        let log = run(rule, values: [0.1, 0.1, 0.02, 0.1], evaluator: &evaluator)
        #expect(log == [["inactive→pending"], ["pending→firing"], ["firing→resolved"], ["resolved→pending"]])
    }

    @Test("the transition records rule, labels, time and the value seen")
    func transitionContent() throws {
        var evaluator = AlertEvaluator()
        var rule = thresholdRule(id: "errors", metric: "error_rate", 0.05)
        rule.labels = ["team": "payments"]
        rule.name = "HighErrorRate"
        let transitions = evaluator.evaluate(
            [rule], results: [result("error_rate", 0.25, version: "v2", segment: "country:DE", end: at(minutes: 1))],
            at: at(minutes: 1))
        let transition = try #require(transitions.first)
        #expect(transitions.count == 1)
        #expect(transition.ruleID == "errors")
        #expect(transition.at == at(minutes: 1))
        #expect(transition.value == 0.25)
        #expect(
            transition.labels
                == [
                    "alertname": "HighErrorRate", "severity": "warning", "team": "payments", "model": "fraud",
                    "version": "v2", "segment": "country:DE",
                ])
        #expect(transition.labels["feature"] == nil)
    }

    @Test("keep_firing_for holds a firing alert through short recoveries, then resolves")
    func keepFiringFor() {
        var evaluator = AlertEvaluator()
        let rule = thresholdRule(metric: "error_rate", 0.05, keepFiringFor: .minutes(2))
        let log = run(rule, values: [0.1, 0.01, 0.1, 0.01, 0.01, 0.01], evaluator: &evaluator)
        // Minute 1 recovers but keeps firing; minute 2 fires again (clock reset); from minute 3 the
        // condition is false, and 2 minutes later (minute 5) the alert resolves.
        #expect(log == [["inactive→firing"], [], [], [], [], ["firing→resolved"]])
    }

    @Test("keep_firing_for does not apply to pending alerts")
    func keepFiringForPending() {
        var evaluator = AlertEvaluator()
        let rule = thresholdRule(metric: "error_rate", 0.05, for: .minutes(5), keepFiringFor: .minutes(10))
        let log = run(rule, values: [0.1, 0.01], evaluator: &evaluator)
        #expect(log == [["inactive→pending"], ["pending→inactive"]])
    }

    @Test("a series without a result in an evaluation is stale: its alert resolves")
    func staleSeries() throws {
        var evaluator = AlertEvaluator()
        let rule = thresholdRule(metric: "missing_rate", 0.05)
        let first = evaluator.evaluate(
            [rule],
            results: [result("missing_rate", 0.2, feature: "age"), result("missing_rate", 0.3, feature: "income")],
            at: at(minutes: 0))
        #expect(steps(first) == ["inactive→firing", "inactive→firing"])
        let second = evaluator.evaluate(
            [rule], results: [result("missing_rate", 0.3, feature: "income")], at: at(minutes: 1))
        let resolved = try #require(second.first)
        #expect(second.count == 1)
        #expect(resolved.labels["feature"] == "age")
        #expect(resolved.to == .resolved)
        #expect(resolved.value == nil)
        #expect(evaluator.activeAlerts.map { $0.labels["feature"] } == ["income"])
    }

    @Test("a nil value never satisfies a condition")
    func nilValue() {
        var evaluator = AlertEvaluator()
        let log = run(thresholdRule(metric: "error_rate", 1, op: .lessThan), values: [0.5, nil], evaluator: &evaluator)
        #expect(log == [["inactive→firing"], ["firing→resolved"]])
        var other = AlertEvaluator()
        let transitions = other.evaluate(
            [thresholdRule(metric: "error_rate", 1, op: .lessThan)], results: [result("error_rate", nil)], at: epoch)
        #expect(transitions.isEmpty)
    }

    @Test("alerts of a removed rule resolve; resolved alerts are dropped after the retention")
    func removedRuleAndRetention() {
        var evaluator = AlertEvaluator(resolvedRetention: .minutes(15))
        let rule = thresholdRule(metric: "error_rate", 0.05)
        _ = evaluator.evaluate([rule], results: [result("error_rate", 0.5)], at: at(minutes: 0))
        let removed = evaluator.evaluate([], results: [result("error_rate", 0.5)], at: at(minutes: 1))
        #expect(steps(removed) == ["firing→resolved"])
        _ = evaluator.evaluate([], results: [], at: at(minutes: 15))
        #expect(evaluator.alerts.map(\.state) == [.resolved])
        _ = evaluator.evaluate([], results: [], at: at(minutes: 16))
        #expect(evaluator.alerts.isEmpty)
    }

    @Test("state restored from stored alerts carries on where it left off")
    func restoresState() {
        var first = AlertEvaluator()
        let rule = thresholdRule(metric: "error_rate", 0.05, for: .minutes(10))
        _ = first.evaluate([rule], results: [result("error_rate", 0.5)], at: at(minutes: 0))
        var restored = AlertEvaluator(alerts: first.alerts)
        let transitions = restored.evaluate([rule], results: [result("error_rate", 0.5)], at: at(minutes: 10))
        #expect(steps(transitions) == ["pending→firing"])
    }

    @Test("annotations are rendered with the alert's labels and value")
    func rendersAnnotations() throws {
        var evaluator = AlertEvaluator()
        var rule = thresholdRule(metric: "feature_drift_score", 0.2)
        rule.annotations = AlertAnnotations(
            summary: "PSI of {{ $labels.feature }} on {{$labels.model}} is {{ $value }}{{ $labels.nothing }}",
            nextSteps: ["Look at {{ $labels.feature }}", "keep {{ unknown }} as is"])
        _ = evaluator.evaluate([rule], results: [drift("amount", 0.3456789)], at: epoch)
        let alert = try #require(evaluator.alerts.first)
        #expect(alert.annotations.summary == "PSI of amount on fraud is 0.3457")
        #expect(alert.annotations.nextSteps == ["Look at amount", "keep {{ unknown }} as is"])
    }
}
