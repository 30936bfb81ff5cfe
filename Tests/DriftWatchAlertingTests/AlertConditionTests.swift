import DriftWatchAlerting
import DriftWatchCore
import Testing

@Suite("Conditions, scopes and methods")
struct AlertConditionTests {
    /// Feature drift AND a fall of estimated accuracy on the same model.
    let driftAndAccuracy = AlertRule(
        id: "drift-and-accuracy", name: "DriftHurtsAccuracy", metric: nil,
        condition: .allOf([
            AlertClause(metric: "feature_drift_score", method: "psi", condition: .threshold(.greaterThan, 0.2)),
            AlertClause(metric: "estimated_accuracy", feature: "", condition: .threshold(.lessThan, 0.85)),
        ]),
        severity: .critical)

    @Test("all_of fires only when every clause holds on the same model")
    func allOf() throws {
        let fraudDrifts = [drift("amount", 0.35), drift("country", 0.05), drift("merchant", 0.25)]
        let cases: [([MonitorResult], Bool)] = [
            (fraudDrifts + [result("estimated_accuracy", 0.80)], true),
            (fraudDrifts + [result("estimated_accuracy", 0.90)], false),
            ([drift("amount", 0.1), result("estimated_accuracy", 0.80)], false),
            // Drift on one model and an accuracy fall on another do not combine.
            ([drift("amount", 0.35), result("estimated_accuracy", 0.80, model: "churn")], false),
        ]
        for (results, fires) in cases {
            let matches = driftAndAccuracy.matches(in: results).filter { $0.seriesLabels["model"] == "fraud" }
            #expect(matches.count == 1)
            #expect(matches.first?.holds == fires)
        }
        let match = try #require(driftAndAccuracy.matches(in: fraudDrifts + [result("estimated_accuracy", 0.80)]).first)
        #expect(match.features == ["amount", "merchant"])
        #expect(match.value == 0.35)
        #expect(match.seriesLabels == ["model": "fraud"])
    }

    @Test("any_of fires when one clause holds and reports the holding clause's value")
    func anyOf() throws {
        let rule = AlertRule(
            id: "quality", metric: nil,
            condition: .anyOf([
                AlertClause(metric: "missing_rate", condition: .threshold(.greaterThan, 0.05)),
                AlertClause(metric: "outlier_rate", condition: .threshold(.greaterThan, 0.10)),
            ]))
        let quiet = rule.matches(in: [
            result("missing_rate", 0.01, feature: "age"), result("outlier_rate", 0.02, feature: "age"),
        ])
        #expect(quiet.map(\.holds) == [false])
        let loud = try #require(
            rule.matches(in: [
                result("missing_rate", 0.01, feature: "age"), result("outlier_rate", 0.4, feature: "age"),
            ]).first)
        #expect(loud.holds)
        #expect(loud.value == 0.4)
        #expect(loud.features == ["age"])
    }

    @Test("composites feed the state machine like any other condition")
    func compositeThroughEvaluator() {
        var evaluator = AlertEvaluator()
        let firing = [drift("amount", 0.35), result("estimated_accuracy", 0.80)]
        let quiet = [drift("amount", 0.35), result("estimated_accuracy", 0.95)]
        #expect(
            steps(evaluator.evaluate([driftAndAccuracy], results: firing, at: at(minutes: 0))) == ["inactive→firing"])
        #expect(evaluator.alerts.first?.features == ["amount"])
        #expect(
            steps(evaluator.evaluate([driftAndAccuracy], results: quiet, at: at(minutes: 1))) == ["firing→resolved"])
    }

    @Test("an adaptive band fires outside mean ± k·std of the series' baseline")
    func adaptiveBand() {
        let rule = AlertRule(
            id: "latency-band", metric: "latency_p99_ms", condition: .adaptive(AdaptiveCondition(k: 3)))
        var baselines = ReferenceBaselines()
        baselines[SeriesKey(modelID: "fraud", metric: "latency_p99_ms")] = ReferenceBaseline(
            mean: 100, standardDeviation: 10)
        func holds(_ value: Double, _ side: AdaptiveCondition.Side = .outside) -> Bool? {
            var sided = rule
            sided.condition = .adaptive(AdaptiveCondition(k: 3, side: side))
            return sided.matches(in: [result("latency_p99_ms", value)], baselines: baselines).first?.holds
        }
        #expect(holds(129) == false)
        #expect(holds(131) == true)
        #expect(holds(71) == false)
        #expect(holds(69) == true)
        #expect(holds(69, .above) == false)
        #expect(holds(131, .above) == true)
        #expect(holds(131, .below) == false)
        #expect(holds(69, .below) == true)
        // Without a baseline there is nothing to compare with.
        #expect(
            rule.matches(in: [result("latency_p99_ms", 1e9, model: "churn")], baselines: baselines).first?.holds
                == false)
    }

    @Test("baselines fall back from a version to all versions")
    func baselineFallback() {
        var baselines = ReferenceBaselines()
        baselines[SeriesKey(modelID: "fraud", metric: "accuracy")] = ReferenceBaseline(mean: 0.9)
        let key = SeriesKey(modelID: "fraud", modelVersion: "v7", segment: "country:FR", metric: "accuracy")
        #expect(baselines.baseline(for: key)?.mean == 0.9)
        baselines[SeriesKey(modelID: "fraud", modelVersion: "v7", metric: "accuracy")] = ReferenceBaseline(mean: 0.8)
        #expect(baselines.baseline(for: key)?.mean == 0.8)
        #expect(baselines.baseline(for: SeriesKey(modelID: "churn", metric: "accuracy")) == nil)
    }

    @Test("a relative drop fires when the value falls more than the fraction below the reference")
    func relativeDrop() {
        let rule = AlertRule.defaults.first { $0.id == "accuracy-drop" }!
        var baselines = ReferenceBaselines()
        baselines[SeriesKey(modelID: "fraud", metric: "accuracy")] = ReferenceBaseline(mean: 0.90)
        func holds(_ value: Double) -> Bool? {
            rule.matches(in: [result("accuracy", value)], baselines: baselines).first?.holds
        }
        // 10 % below 0.90 is 0.81.
        #expect(holds(0.82) == false)
        #expect(holds(0.80) == true)
        #expect(holds(0.95) == false)
        var rise = rule
        rise.condition = .relative(RelativeCondition(.rise, fraction: 0.5))
        baselines[SeriesKey(modelID: "fraud", metric: "latency_p99_ms")] = ReferenceBaseline(mean: 100)
        rise.metric = "latency_p99_ms"
        #expect(rise.matches(in: [result("latency_p99_ms", 151)], baselines: baselines).first?.holds == true)
        #expect(rise.matches(in: [result("latency_p99_ms", 149)], baselines: baselines).first?.holds == false)
    }

    @Test("scope patterns select models, versions, features and segments; `*` includes empty values")
    func scopeWildcards() {
        let results = [
            result("missing_rate", 0.5, model: "fraud-eu", feature: "txn_amount"),
            result("missing_rate", 0.5, model: "fraud-us", version: "v2", feature: "txn_count", segment: "channel:web"),
            result("missing_rate", 0.5, model: "fraud-us", feature: "age"),
            result("missing_rate", 0.5, model: "churn", feature: "txn_amount"),
            result("missing_rate", 0.5, model: "fraud-eu"),
        ]
        func selected(_ scope: AlertScope) -> [String] {
            thresholdRule(metric: "missing_rate", 0.05, scope: scope).matches(in: results).map {
                "\($0.seriesLabels.value("model"))/\($0.seriesLabels.value("feature"))"
            }.sorted()
        }
        #expect(selected(.all).count == 5)
        #expect(
            selected(AlertScope(model: "fraud-*")) == [
                "fraud-eu/", "fraud-eu/txn_amount", "fraud-us/age", "fraud-us/txn_count",
            ])
        #expect(
            selected(AlertScope(feature: "txn_*")) == ["churn/txn_amount", "fraud-eu/txn_amount", "fraud-us/txn_count"])
        #expect(
            selected(AlertScope(model: "fraud-??", feature: "txn_*")) == ["fraud-eu/txn_amount", "fraud-us/txn_count"])
        #expect(selected(AlertScope(version: "v2")) == ["fraud-us/txn_count"])
        #expect(selected(AlertScope(segment: "channel:*")) == ["fraud-us/txn_count"])
        #expect(selected(AlertScope(feature: "")) == ["fraud-eu/"])
        #expect(selected(AlertScope(model: "fraud")) == [])
    }

    @Test(
        "glob patterns match whole values",
        arguments: [
            ("txn_*", "txn_amount", true), ("txn_*", "xtxn_amount", false), ("*_amount", "txn_amount", true),
            ("t?n_*", "txn_", true), ("*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac", false), ("a*b*c", "abbbc", true),
            ("*", "", true), ("exact", "exact", true), ("exact", "exactly", false),
        ])
    func globs(pattern: String, value: String, matches: Bool) {
        #expect(ScopePattern(pattern).matches(value) == matches)
    }

    @Test("a method filter keeps only results whose details report that method")
    func methodFilter() {
        let results = [
            drift("amount", 0.5, method: "psi"), drift("country", 0.5, method: "chi_square"),
            drift("age", 0.5, method: "PSI"), result("feature_drift_score", 0.5, feature: "bare"),
            result("feature_drift_score", 0.5, feature: "broken", details: "{not json"),
        ]
        let psi = thresholdRule(metric: "feature_drift_score", 0.2, method: "psi").matches(in: results)
        #expect(psi.compactMap { $0.seriesLabels["feature"] }.sorted() == ["age", "amount"])
        let any = thresholdRule(metric: "feature_drift_score", 0.2).matches(in: results)
        #expect(any.count == 5)
    }

    @Test("only the latest window of a series counts")
    func latestWindow() {
        let rule = thresholdRule(metric: "error_rate", 0.05)
        let matches = rule.matches(in: [
            result("error_rate", 0.5, end: at(minutes: 0)), result("error_rate", 0.01, end: at(minutes: 60)),
        ])
        #expect(matches.map(\.holds) == [false])
        #expect(matches.first?.value == 0.01)
    }
}
