import DriftWatchAlerting
import Foundation
import Testing

@Suite("Rule decoding and validation")
struct AlertRuleDecodingTests {
    let compositeJSON = """
        {
          "id": "drift-and-accuracy",
          "name": "DriftHurtsAccuracy",
          "scope": {"model": "fraud-*", "feature": "txn_*"},
          "condition": {"all_of": [
            {"metric": "feature_drift_score", "method": "psi", "condition": {"threshold": {"op": ">", "value": 0.2}}},
            {"metric": "estimated_accuracy", "feature": "*",
             "condition": {"relative": {"direction": "drop", "fraction": 0.05}}}
          ]},
          "severity": "critical",
          "for": "1h30m",
          "keep_firing_for": "10m",
          "labels": {"team": "risk"},
          "annotations": {
            "summary": "Drift on {{ $labels.model }}",
            "runbook_url": "https://runbooks.example.com/drift",
            "next_steps": ["Check features", "Retrain"]
          }
        }
        """

    @Test("a complete composite rule decodes into the same values as built in code")
    func decodesComposite() throws {
        let rule = try decode(AlertRule.self, compositeJSON)
        let expected = AlertRule(
            id: "drift-and-accuracy", name: "DriftHurtsAccuracy", metric: nil,
            scope: AlertScope(model: "fraud-*", feature: "txn_*"),
            condition: .allOf([
                AlertClause(metric: "feature_drift_score", method: "psi", condition: .threshold(.greaterThan, 0.2)),
                AlertClause(
                    metric: "estimated_accuracy", feature: "*",
                    condition: .relative(RelativeCondition(.drop, fraction: 0.05))),
            ]),
            severity: .critical, for: .minutes(90), keepFiringFor: .minutes(10), labels: ["team": "risk"],
            annotations: AlertAnnotations(
                summary: "Drift on {{ $labels.model }}", runbookURL: "https://runbooks.example.com/drift",
                nextSteps: ["Check features", "Retrain"]))
        #expect(rule == expected)
        #expect(rule.validate().isEmpty)
        #expect(rule.condition.joinsSeries)
    }

    @Test("a minimal rule gets the documented defaults")
    func decodesMinimal() throws {
        let rule = try decode(
            AlertRule.self,
            #"{"id": "p99", "metric": "latency_p99_ms", "condition": {"threshold": {"op": ">=", "value": 200}}}"#)
        #expect(rule.name == "p99")
        #expect(rule.severity == .warning)
        #expect(rule.forDuration == .zero && rule.keepFiringFor == .zero)
        #expect(rule.scope == .all)
        #expect(rule.condition == .threshold(.greaterThanOrEqual, 200))
    }

    @Test("encoding and decoding give the same rule back")
    func roundTrip() throws {
        let original = try decode(AlertRule.self, compositeJSON)
        let again = try JSONDecoder().decode(AlertRule.self, from: JSONEncoder().encode(original))
        #expect(again == original)
        for rule in AlertRule.defaults {
            #expect(try JSONDecoder().decode(AlertRule.self, from: JSONEncoder().encode(rule)) == rule)
        }
    }

    @Test(
        "bad input is reported with the failing field's path",
        arguments: [
            (
                #"{"id": "r", "metric": "m", "condition": {"threshold": {"op": ">", "value": 1}}, "for": "5x"}"#, "for",
                "unknown unit"
            ),
            (
                #"{"id": "r", "metric": "m", "condition": {"threshold": {"op": ">", "value": 1}}, "keep_firing_for": "1h1h"}"#,
                "keep_firing_for", "largest to smallest"
            ),
            (
                #"{"id": "r", "metric": "m", "condition": {"threshold": {"op": "=>", "value": 1}}}"#,
                "condition.threshold.op",
                "unknown operator \"=>\""
            ),
            (
                #"{"id": "r", "condition": {"any_of": [{"metric": "a", "condition": {"threshold": {"op": "!", "value": 1}}}]}}"#,
                "condition.any_of[0].condition.threshold.op", "unknown operator"
            ),
            (
                #"{"id": "r", "metric": "m", "condition": {"threshold": {"op": ">", "value": "high"}}}"#,
                "condition.threshold.value", "expected a number"
            ),
            (#"{"id": "r", "metric": "m", "condition": {}}"#, "condition", "expected exactly one of"),
            (
                #"{"id": "r", "metric": "m", "condition": {"threshold": {"op": ">", "value": 1}, "adaptive": {"k": 2}}}"#,
                "condition", "found threshold and adaptive"
            ),
            (
                #"{"id": "r", "metric": "m", "condition": {"threshold": {"op": ">", "value": 1}}, "severity": "page"}"#,
                "severity",
                "unknown severity"
            ),
            (
                #"{"id": "r", "metric": "m", "condition": {"threshold": {"op": ">", "value": 1}}, "keep_firing": "5m"}"#,
                "keep_firing",
                "unknown field"
            ),
            (#"{"metric": "m", "condition": {"threshold": {"op": ">", "value": 1}}}"#, "id", "missing required field"),
        ])
    func reportsField(json: String, field: String, message: String) throws {
        let problem = try #require(decodingProblem(AlertRule.self, json))
        #expect(problem.field == field)
        #expect(problem.message.contains(message), "\(problem)")
    }

    @Test("validation lists every problem with its path")
    func validation() {
        let rule = AlertRule(
            id: "bad id!", name: " ", metric: nil,
            condition: .allOf([
                AlertClause(condition: .threshold(.greaterThan, .infinity)),
                AlertClause(metric: "accuracy", condition: .relative(RelativeCondition(.drop, fraction: 1.5))),
                AlertClause(metric: "drift", condition: .anyOf([])),
                AlertClause(metric: "drift", condition: .adaptive(AdaptiveCondition(k: -1))),
            ]),
            labels: ["severity": "high", "2team": "x"],
            annotations: AlertAnnotations(runbookURL: "ftp://example.com/runbook"))
        let fields = Set(rule.validate().map(\.field))
        #expect(
            fields == [
                "id", "name", "condition.all_of[0].condition", "condition.all_of[0].condition.threshold.value",
                "condition.all_of[1].condition.relative.fraction", "condition.all_of[2].condition.any_of",
                "condition.all_of[3].condition.adaptive.k", "labels.severity", "labels.2team",
                "annotations.runbook_url",
            ])
    }

    @Test("a list of rules reports duplicate ids and nests paths")
    func listValidation() {
        let good = thresholdRule(id: "a", metric: "m", 1)
        var bad = thresholdRule(id: "b", metric: "m", 1)
        bad.condition = .threshold(.greaterThan, .nan)
        let problems = AlertRule.validate([good, bad, good])
        #expect(problems.map(\.field) == ["rules[1].condition.threshold.value", "rules[2].id"])
        #expect(problems.last?.message.contains("rules[0]") == true)
    }

    @Test("the default rules are valid and carry the documented thresholds")
    func defaults() throws {
        #expect(AlertRule.validate(AlertRule.defaults).isEmpty)
        let byID = Dictionary(uniqueKeysWithValues: AlertRule.defaults.map { ($0.id, $0) })
        #expect(byID["psi-drift-warning"]?.condition == .threshold(.greaterThan, 0.2))
        #expect(byID["psi-drift-warning"]?.method == "psi")
        #expect(byID["psi-drift-critical"]?.condition == .threshold(.greaterThan, 0.3))
        #expect(byID["psi-drift-critical"]?.severity == .critical)
        #expect(byID["accuracy-drop"]?.condition == .relative(RelativeCondition(.drop, fraction: 0.10)))
        #expect(byID["missing-values"]?.metric == "missing_rate")
        #expect(byID["missing-values"]?.condition == .threshold(.greaterThan, 0.05))
        #expect(byID["outliers"]?.condition == .threshold(.greaterThan, 0.10))
        #expect(byID["latency-p99"]?.condition == .threshold(.greaterThan, 200))
        #expect(byID["error-rate"]?.condition == .threshold(.greaterThan, 0.05))
        for rule in AlertRule.defaults {
            #expect(rule.annotations.summary != nil && rule.annotations.description != nil)
            #expect(!rule.annotations.nextSteps.isEmpty)
        }
    }

    @Test("a rule version record counts up and keeps who changed what")
    func ruleVersions() throws {
        let rule = thresholdRule(id: "a", metric: "m", 1)
        let created = AlertRuleVersion(rule: rule, version: 1, changedAt: epoch, changedBy: "key-ops", change: .create)
        var edited = rule
        edited.condition = .threshold(.greaterThan, 2)
        let updated = created.next(edited, change: .update, at: at(minutes: 5), by: "key-ml")
        #expect(updated.version == 2 && updated.changedBy == "key-ml" && updated.ruleID == "a")
        let json = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(updated)) as? [String: Any])
        #expect(Set(json.keys) == ["rule", "version", "changed_at", "changed_by", "change"])
        #expect(json["change"] as? String == "update")
    }
}
