import DriftWatchCore
import Foundation
import Testing

/// A checker that remembers the last event's names finds what the schema's own check finds,
/// event after event, whatever the events share.
@Suite struct SchemaCheckerTests {
    static let schema = ModelSchema(
        features: ["a": .numeric, "b": .numeric, "c": .categorical, "d": .numeric],
        segments: ["region", "tier"])

    /// Features that share one dictionary's layout (values changed in place), and others.
    static func featureSets() -> [[String: FeatureValue]] {
        let base: [String: FeatureValue] = ["a": .number(1), "b": .number(2), "c": .text("x"), "d": .missing]
        var sets: [[String: FeatureValue]] = [base]
        for (key, value) in [
            ("a", FeatureValue.text("oops")), ("b", .number(-1)), ("c", .number(3)), ("d", .text("t")),
            ("a", .missing),
        ] {
            var copy = base
            copy[key] = value  // an existing key: the layout stays
            sets.append(copy)
        }
        var twoWrong = base
        twoWrong["b"] = .text("x")
        twoWrong["a"] = .text("y")
        sets.append(twoWrong)
        var fewer = base
        fewer["d"] = nil
        sets.append(fewer)
        var extra = base
        extra["e"] = .number(1)
        sets.append(extra)
        // The same names built afresh (another layout), a renamed one, and none.
        sets.append(["d": .number(4), "c": .text("y"), "b": .number(0), "a": .number(9)])
        sets.append(["a": .number(1), "b": .number(2), "c": .text("x"), "z": .number(0)])
        sets.append([:])
        return sets
    }

    static let segmentSets: [[String: String]] = [
        [:], ["region": "eu"], ["tier": "gold", "region": "us"], ["zone": "1"], ["region": "eu", "zone": "2"],
    ]

    @Test(arguments: [schema, ModelSchema(features: schema.features, segments: Set((0..<12).map { "s\($0)" }))])
    func everyEventIsCheckedAsTheSchemaChecksIt(schema: ModelSchema) {
        var checker = SchemaChecker(schema: schema)
        let features = Self.featureSets()
        var checked = 0
        // Every event after every other, each twice in a row.
        for first in features.indices {
            for second in features.indices {
                for segments in Self.segmentSets {
                    for set in [first, first, second] {
                        let event = InferenceEvent(
                            modelID: "m", requestID: "r", timestamp: Date(timeIntervalSince1970: 0),
                            features: features[set], segments: segments)
                        #expect(checker.violations(in: event) == schema.violations(in: event), "\(features[set])")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 3 * features.count * features.count * Self.segmentSets.count)
    }
}
