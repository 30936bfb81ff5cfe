import DriftWatchSimulation
import Foundation
import Testing

/// Configurations decode from snake_case JSON, and every invalid one names its field.
@Suite struct ScenarioConfigurationTests {
    private func decode(_ json: String) throws -> ScenarioConfiguration {
        try JSONDecoder().decode(ScenarioConfiguration.self, from: Data(json.utf8))
    }

    /// The field named by the error that `body` throws, nil if it throws none.
    private func failingField(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as SimulationConfigurationError {
            return error.field
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func decodesSnakeCaseWithDefaults() throws {
        let configuration = try decode(
            #"{"type": "data_quality", "features": ["amount"], "start_seconds": 60, "duration_seconds": 120, "missing_rate": 0.1, "unit_factor": 100, "seed": 9}"#
        )
        #expect(configuration.type == .dataQuality)
        #expect(configuration.features == ["amount"])
        #expect(configuration.startSeconds == 60)
        #expect(configuration.durationSeconds == 120)
        #expect(configuration.missingRate == 0.1)
        #expect(configuration.unitFactor == 100)
        #expect(configuration.rate == 1)
        #expect(configuration.seed == 9)
        try configuration.validate()
    }

    @Test func encodesAndDecodesBack() throws {
        let configuration = ScenarioConfiguration(
            type: .labelDelay, startSeconds: 30, durationSeconds: 600, rate: 0.5, seed: 3, labelDelaySeconds: 900,
            labelDropRate: 0.1)
        let data = try JSONEncoder().encode(configuration)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"label_delay_seconds\":900"))
        #expect(text.contains("\"start_seconds\":30"))
        #expect(try JSONDecoder().decode(ScenarioConfiguration.self, from: data) == configuration)
    }

    @Test(arguments: [
        (#"{"type": "sudden_drift", "magnitud": 2}"#, "magnitud"),
        (#"{"magnitude": 2}"#, "type"),
        (#"{"type": "meltdown"}"#, "type"),
        (#"{"type": "sudden_drift", "rate": "half"}"#, "rate"),
        (#"{"type": "sudden_drift", "features": "amount"}"#, "features"),
        (#"{"type": "sudden_drift", "seed": -1}"#, "seed"),
    ])
    func decodingErrorsNameTheField(_ json: String, _ field: String) {
        #expect(failingField { _ = try decode(json) } == field, "\(json)")
    }

    @Test(arguments: [
        (ScenarioConfiguration(type: .gradualDrift), "duration_seconds"),
        (ScenarioConfiguration(type: .suddenDrift, startSeconds: -1), "start_seconds"),
        (ScenarioConfiguration(type: .suddenDrift, durationSeconds: 0), "duration_seconds"),
        (ScenarioConfiguration(type: .suddenDrift, rate: 0), "rate"),
        (ScenarioConfiguration(type: .suddenDrift, rate: 1.5), "rate"),
        (ScenarioConfiguration(type: .suddenDrift, magnitude: 0), "magnitude"),
        (ScenarioConfiguration(type: .suddenDrift, magnitude: .nan), "magnitude"),
        (ScenarioConfiguration(type: .conceptDrift, magnitude: 3), "magnitude"),
        (ScenarioConfiguration(type: .latencySpike, magnitude: -2), "magnitude"),
        (ScenarioConfiguration(type: .dataQuality, magnitude: 1), "magnitude"),
        (ScenarioConfiguration(type: .latencySpike, features: ["amount"]), "features"),
        (ScenarioConfiguration(type: .suddenDrift, features: []), "features"),
        (ScenarioConfiguration(type: .suddenDrift, features: ["amount", "amount"]), "features[1]"),
        (ScenarioConfiguration(type: .suddenDrift, missingRate: 0.1), "missing_rate"),
        (ScenarioConfiguration(type: .dataQuality, errorRate: 0.1), "error_rate"),
        (ScenarioConfiguration(type: .dataQuality, missingRate: 1.2), "missing_rate"),
        (ScenarioConfiguration(type: .dataQuality, missingRate: 0.7, outlierRate: 0.5), "outlier_rate"),
        (ScenarioConfiguration(type: .dataQuality, missingRate: 0), "missing_rate"),
        (ScenarioConfiguration(type: .dataQuality, unitFactor: 1), "unit_factor"),
        (ScenarioConfiguration(type: .latencySpike, errorRate: 2), "error_rate"),
        (ScenarioConfiguration(type: .labelDelay, labelDelaySeconds: -5), "label_delay_seconds"),
        (ScenarioConfiguration(type: .labelDelay, labelDelaySeconds: 0), "label_delay_seconds"),
        (ScenarioConfiguration(type: .labelDelay, labelDropRate: 1.5), "label_drop_rate"),
    ])
    func validationNamesTheField(_ configuration: ScenarioConfiguration, _ field: String) {
        #expect(failingField { try configuration.validate() } == field, "\(configuration)")
    }

    @Test func bindingToAModelChecksFeatureNames() {
        let unknown = ScenarioConfiguration(type: .suddenDrift, features: ["amount", "amt"])
        #expect(failingField { _ = try Scenario(unknown, model: Models.fraud) } == "features[1]")
        let categoricalOnly = ScenarioConfiguration(
            type: .dataQuality, features: ["merchant_category"], unitFactor: 100)
        #expect(failingField { _ = try Scenario(categoricalOnly, model: Models.fraud) } == "unit_factor")
        #expect(
            failingField { _ = try Scenario(ScenarioConfiguration(type: .suddenDrift), model: Models.price) } == nil)
    }

    @Test func everyDefaultFeatureExists() throws {
        for kind in DemoModelKind.allCases {
            for scenario in ScenarioKind.allCases {
                let bound = try Scenario(
                    ScenarioConfiguration(type: scenario, durationSeconds: 60), model: Models.model(kind))
                #expect(bound.affectedFeatures == Models.model(kind).defaultFeatures(for: scenario))
            }
        }
    }

    @Test func trafficConfigurationErrorsNameTheField() throws {
        let model = Models.fraud
        #expect(
            failingField {
                _ = try TrafficStream(
                    model: model, configuration: TrafficConfiguration(start: trafficStart, eventsPerSecond: 0))
            } == "events_per_second")
        #expect(
            failingField {
                _ = try TrafficStream(
                    model: model, configuration: TrafficConfiguration(start: trafficStart, limit: .count(-1)))
            } == "count")
        let priceScenario = try Scenario(ScenarioConfiguration(type: .latencySpike), model: Models.price)
        #expect(
            failingField {
                _ = try TrafficStream(
                    model: model, scenarios: [priceScenario], configuration: TrafficConfiguration(start: trafficStart))
            } == "scenarios[0]")
    }

    @Test func errorDescriptionLeadsWithTheField() {
        let error = SimulationConfigurationError(field: "rate", message: "must be in (0, 1], got 1.5")
        #expect("\(error)" == "rate: must be in (0, 1], got 1.5")
    }
}
