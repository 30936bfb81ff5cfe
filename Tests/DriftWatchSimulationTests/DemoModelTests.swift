import DriftStats
import DriftWatchCore
import DriftWatchSimulation
import Foundation
import Testing

/// The fitted demo models are real models: better than the trivial one on data they were not
/// fitted on.
@Suite struct DemoModelTests {
    @Test(arguments: [DemoModelKind.fraud, .churn])
    func classifierBeatsTheMajorityClass(_ kind: DemoModelKind) throws {
        let heldOut = Models.model(kind).referenceEvents(count: 30_000, seed: 99)
        let labels = heldOut.compactMap(\.label?.truthNumber)
        let positiveRate = mean(labels)
        let majority = max(positiveRate, 1 - positiveRate)
        let fitted = accuracy(heldOut)
        #expect(fitted > majority + 0.003, "\(kind): accuracy \(fitted) vs majority \(majority)")
        let truth = heldOut.compactMap { $0.label.map { $0.truthNumber == 1 } }
        let scores = heldOut.filter { $0.label != nil }.map { $0.inference.probabilities["1"] ?? .nan }
        let predicted = heldOut.filter { $0.label != nil }.map { $0.inference.predictionNumber == 1 }
        let metrics = try BinaryClassificationMetrics.compute(truth: truth, predicted: predicted, scores: scores)
        #expect(try metrics.rocAUC.get() > 0.8, "\(kind): ROC AUC \(metrics.rocAUC)")
    }

    @Test func fraudIsRareAndChurnIsCommon() {
        let fraudRate = mean(Models.fraud.referenceEvents(count: 20_000).compactMap(\.label?.truthNumber))
        let churnRate = mean(Models.churn.referenceEvents(count: 20_000).compactMap(\.label?.truthNumber))
        #expect(fraudRate > 0.02 && fraudRate < 0.05, "fraud rate \(fraudRate)")
        #expect(churnRate > 0.2 && churnRate < 0.32, "churn rate \(churnRate)")
    }

    @Test func priceRegressorExplainsMostOfTheVariance() throws {
        let heldOut = Models.price.referenceEvents(count: 20_000, seed: 99).filter { $0.label != nil }
        let metrics = try RegressionMetrics.compute(
            truth: heldOut.compactMap(\.label?.truthNumber), predicted: heldOut.compactMap(\.inference.predictionNumber)
        )
        #expect(try metrics.r2.get() > 0.8, "R² \(metrics.r2)")
    }

    @Test func definitionDeclaresTheEventsShape() throws {
        let model = Models.fraud
        let definition = model.definition(createdAt: trafficStart)
        #expect(definition.id == "fraud")
        #expect(definition.task == .binary)
        #expect(definition.schema.features["amount"] == .numeric)
        #expect(definition.schema.features["merchant_category"] == .categorical)
        #expect(definition.schema.segments == ["region", "channel"])
        #expect(Models.price.definition(createdAt: trafficStart).task == .regression)
        let event = try #require(try events(model, count: 1).first)
        #expect(definition.schema.violations(in: event.inference).isEmpty)
        #expect(Set(event.inference.features.keys) == Set(model.features.map(\.name)))
    }

    @Test func predictionToleratesBrokenInputs() {
        let complete = Models.fraud.prediction(for: [
            "amount": .number(900), "merchant_category": .text("gift_cards"), "hour": .number(3),
            "distance_from_home": .number(400), "card_present": .text("false"), "device_age_days": .number(0),
            "transactions_last_24h": .number(9),
        ])
        #expect(complete.text == "1", "a textbook fraud scores \(complete.probabilities)")
        let broken = Models.fraud.prediction(for: ["amount": .text("lots"), "merchant_category": .text("casino")])
        let probability = broken.probabilities["1"] ?? .nan
        #expect(probability > 0 && probability < 1)
        #expect(abs((broken.probabilities["0"] ?? .nan) + probability - 1) < 1e-12)
    }

    @Test func fittingIsDeterministicPerSeed() throws {
        let again = try DemoModel(.churn)
        #expect(again.fittedModel == Models.churn.fittedModel)
        let other = try DemoModel(.churn, seed: 5)
        #expect(other.fittedModel != Models.churn.fittedModel)
    }
}
