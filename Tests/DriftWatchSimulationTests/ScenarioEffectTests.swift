import DriftStats
import DriftWatchCore
import DriftWatchSimulation
import Foundation
import Testing

/// Each scenario does what it says, measured on the traffic it produces (10 events per second,
/// so event i is at i/10 s).
@Suite struct ScenarioEffectTests {
    @Test func suddenDriftShiftsTheMeanByMagnitudeStandardDeviationsAfterTheStartOnly() throws {
        let model = Models.churn
        let statistics = try #require(model.featureStatistics.first { $0.name == "monthly_charges" })
        let drifted = try events(
            model,
            [
                ScenarioConfiguration(
                    type: .suddenDrift, features: ["monthly_charges"], magnitude: 1.5, startSeconds: 1_000)
            ],
            count: 20_000)
        let before = drifted.filter { offset($0) < 1_000 }.compactMap { $0.number("monthly_charges") }
        let after = drifted.filter { offset($0) >= 1_000 }.compactMap { $0.number("monthly_charges") }
        let shiftBefore = (mean(before) - statistics.mean) / statistics.standardDeviation
        let shiftAfter = (mean(after) - statistics.mean) / statistics.standardDeviation
        #expect(abs(shiftBefore) < 0.06, "shift before the start: \(shiftBefore) sd")
        #expect(abs(shiftAfter - 1.5) < 0.06, "shift after the start: \(shiftAfter) sd")
        let clean = try events(model, count: 20_000).compactMap { $0.number("monthly_charges") }
        #expect(try ksPValue(Array(clean[..<10_000]), before) > 0.05)
        #expect(try ksPValue(Array(clean[10_000...]), after) < 1e-6)
    }

    @Test func gradualDriftGrowsLinearlyOverTheDuration() throws {
        let model = Models.price
        let statistics = try #require(model.featureStatistics.first { $0.name == "sqft" })
        let clean = try events(model, count: 20_000)
        let drifted = try events(
            model,
            [
                ScenarioConfiguration(
                    type: .gradualDrift, features: ["sqft"], magnitude: 2, startSeconds: 500, durationSeconds: 1_000)
            ],
            count: 20_000)
        // Clean and drifted traffic share their draws, so the shift of each event is exact.
        func shift(_ seconds: ClosedRange<Double>) -> Double {
            let pairs = zip(clean, drifted).filter { seconds.contains(offset($0.0)) }
            let differences = pairs.compactMap { pair in
                pair.1.number("sqft").flatMap { drifted in pair.0.number("sqft").map { drifted - $0 } }
            }
            return mean(differences) / statistics.standardDeviation
        }
        #expect(shift(0...499.9) == 0)
        #expect(abs(shift(990...1_010) - 1) < 0.02, "half-way: \(shift(990...1_010))")
        #expect(abs(shift(1_500...1_999.9) - 2) < 0.01, "after the ramp: \(shift(1_500...1_999.9))")
    }

    @Test func dataQualityRaisesMissingValuesOutliersAndUnseenCategories() throws {
        let model = Models.fraud
        let stream = try events(
            model,
            [
                ScenarioConfiguration(
                    type: .dataQuality, features: ["amount", "merchant_category"], startSeconds: 500,
                    durationSeconds: 500, missingRate: 0.3, outlierRate: 0.1, unseenCategoryRate: 0.2)
            ],
            count: 20_000)
        func missingRate(_ events: some Collection<SimulatedEvent>, _ feature: String) -> Double {
            Double(events.filter { $0.inference.features[feature] == .missing }.count) / Double(events.count)
        }
        let before = stream.filter { offset($0) < 500 }
        let rampMiddle = stream.filter { (700..<800).contains(offset($0)) }
        let after = stream.filter { offset($0) >= 1_000 }
        #expect(missingRate(before, "amount") == 0)
        #expect(abs(missingRate(rampMiddle, "amount") - 0.3 * 0.5) < 0.03)
        #expect(abs(missingRate(after, "amount") - 0.3) < 0.02, "\(missingRate(after, "amount"))")
        #expect(abs(missingRate(after, "merchant_category") - 0.3) < 0.02)
        #expect(missingRate(after, "hour") == 0, "an unaffected feature stays complete")

        let statistics = try #require(model.featureStatistics.first { $0.name == "amount" })
        func outlierRate(_ events: [SimulatedEvent]) -> Double {
            let values = events.compactMap { $0.number("amount") }
            let far = values.filter { abs($0 - statistics.mean) > 5.9 * statistics.standardDeviation }
            return Double(far.count) / Double(events.count)
        }
        #expect(outlierRate(before) < 0.005)
        #expect(abs(outlierRate(after) - 0.1) < 0.02, "\(outlierRate(after))")

        let known = Set(model.features[1].categories)
        let unseen = after.filter {
            $0.inference.features["merchant_category"].map { value in
                if case .text(let text) = value { !known.contains(text) } else { false }
            } ?? false
        }
        #expect(abs(Double(unseen.count) / Double(after.count) - 0.2) < 0.02)
    }

    @Test func unitChangeMultipliesTheAffectedValues() throws {
        let clean = try events(Models.fraud, count: 4_000)
        let changed = try events(
            Models.fraud,
            [ScenarioConfiguration(type: .dataQuality, features: ["amount"], startSeconds: 200, unitFactor: 100)],
            count: 4_000)
        for (a, b) in zip(clean, changed) {
            let expected = offset(a) < 200 ? a.number("amount") : a.number("amount").map { $0 * 100 }
            #expect(b.number("amount") == expected)
        }
    }

    @Test func conceptDriftKeepsInputsButLowersAccuracy() throws {
        let model = Models.churn
        let stream = try events(
            model, [ScenarioConfiguration(type: .conceptDrift, magnitude: 2, startSeconds: 1_000)], count: 20_000)
        let before = stream.filter { offset($0) < 1_000 }
        let after = stream.filter { offset($0) >= 1_000 }
        for feature in ["tenure_months", "monthly_charges", "support_tickets"] {
            let p = try ksPValue(before.compactMap { $0.number(feature) }, after.compactMap { $0.number(feature) })
            #expect(p > 0.01, "\(feature) looks drifted: p = \(p)")
        }
        let clean = try events(model, count: 20_000)
        #expect(zip(clean, stream).allSatisfy { $0.inference == $1.inference }, "inputs and predictions unchanged")
        let accuracyBefore = accuracy(before)
        let accuracyAfter = accuracy(after)
        #expect(accuracyAfter < accuracyBefore - 0.1, "accuracy \(accuracyBefore) → \(accuracyAfter)")
    }

    @Test func latencySpikeRaisesP95AndErrors() throws {
        let stream = try events(
            Models.price,
            [
                ScenarioConfiguration(
                    type: .latencySpike, magnitude: 4, startSeconds: 500, durationSeconds: 500, errorRate: 0.1)
            ],
            count: 20_000)
        let before = stream.filter { offset($0) < 500 }
        let during = stream.filter { (500..<1_000).contains(offset($0)) }
        let afterwards = stream.filter { offset($0) >= 1_000 }
        func p95(_ events: [SimulatedEvent]) -> Double {
            quantile(events.compactMap(\.inference.latencyMilliseconds), 0.95)
        }
        func errorRate(_ events: [SimulatedEvent]) -> Double {
            Double(events.filter { $0.inference.error != nil }.count) / Double(events.count)
        }
        #expect(abs(p95(during) / p95(before) - 4) < 0.5, "p95 \(p95(before)) → \(p95(during))")
        #expect(abs(p95(afterwards) / p95(before) - 1) < 0.1, "the spike ends with its duration")
        #expect(errorRate(before) < 0.01)
        #expect(errorRate(during) > 0.08, "error rate \(errorRate(during))")
        #expect(
            during.filter { $0.inference.error != nil }.allSatisfy {
                $0.label == nil && $0.inference.predictionNumber == nil
            })
    }

    @Test func labelDelayDelaysLabelsByTheConfiguredAmount() throws {
        let clean = try events(Models.fraud, count: 10_000)
        let delayed = try events(
            Models.fraud,
            [
                ScenarioConfiguration(
                    type: .labelDelay, startSeconds: 300, durationSeconds: 400, labelDelaySeconds: 7_200,
                    labelDropRate: 0.25)
            ],
            count: 10_000)
        var dropped = 0
        var inWindow = 0
        for (a, b) in zip(clean, delayed) {
            guard let cleanLabel = a.label else { continue }
            if (300..<700).contains(offset(a)) {
                inWindow += 1
                guard let label = b.label else {
                    dropped += 1
                    continue
                }
                #expect(abs(label.timestamp.timeIntervalSince(cleanLabel.timestamp) - 7_200) < 1e-3)
                #expect(label.truthNumber == cleanLabel.truthNumber)
            } else {
                #expect(b.label == cleanLabel)
            }
        }
        #expect(abs(Double(dropped) / Double(inWindow) - 0.25) < 0.03, "\(dropped) of \(inWindow) dropped")
    }

    @Test func rateLimitsTheShareOfEventsTouched() throws {
        let clean = try events(Models.churn, count: 10_000)
        let drifted = try events(
            Models.churn,
            [ScenarioConfiguration(type: .suddenDrift, features: ["monthly_charges"], rate: 0.3)], count: 10_000)
        let touched = zip(clean, drifted).filter { $0.number("monthly_charges") != $1.number("monthly_charges") }
        #expect(abs(Double(touched.count) / 10_000 - 0.3) < 0.02)
    }

    @Test func categoricalDriftMovesSharesTowardsRareCategories() throws {
        let drifted = try events(
            Models.churn, [ScenarioConfiguration(type: .suddenDrift, features: ["contract"], magnitude: 4)],
            count: 10_000)
        let share = Double(drifted.filter { $0.inference.features["contract"] == .text("two_year") }.count) / 10_000
        // With magnitude 4 every value is redrawn from the reversed shares: two_year, the
        // rarest (20 %), now takes the share of month (55 %).
        #expect(abs(share - 0.55) < 0.03, "two_year share \(share)")
    }
}
