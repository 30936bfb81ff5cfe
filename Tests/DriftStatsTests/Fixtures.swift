import Foundation
import Testing

/// Reference vectors written by `scripts/fixtures/drift_reference.py` (scipy, Evidently, astropy).
enum Fixtures {
    /// Decodes `Fixtures/NAME.json` from the test bundle.
    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"),
            "missing fixture \(name).json")
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    /// Whether `actual` agrees with `expected` to a relative or an absolute tolerance.
    static func agrees(_ actual: Double, _ expected: Double, relative: Double, absolute: Double) -> Bool {
        if actual == expected { return true }
        let difference = abs(actual - expected)
        return difference <= absolute || difference <= relative * abs(expected)
    }
}

/// One method's expected result: numbers, or the reason the reference gives none.
struct ExpectedResult: Decodable, Sendable {
    var statistic: Double?
    var pValue: Double?
    var error: String?

    enum CodingKeys: String, CodingKey {
        case statistic
        case pValue = "p_value"
        case error
    }
}

/// `drift_methods.json`.
struct DriftMethodFixtures: Decodable, Sendable {
    /// One pair of samples with the reference's result for each method; `nil` values are missing.
    struct Case<Value: Decodable & Sendable>: Decodable, Sendable {
        var name: String
        var reference: [Value?]
        var current: [Value?]
        var missingReference: Int
        var missingCurrent: Int
        var results: [String: ExpectedResult]

        enum CodingKeys: String, CodingKey {
            case name, reference, current, results
            case missingReference = "missing_reference"
            case missingCurrent = "missing_current"
        }
    }

    struct BenjaminiHochbergCase: Decodable, Sendable {
        var pValues: [Double]
        var adjusted: [Double]

        enum CodingKeys: String, CodingKey {
            case adjusted
            case pValues = "p_values"
        }
    }

    var versions: [String: String]
    var numericCases: [Case<Double>]
    var categoricalCases: [Case<String>]
    var benjaminiHochberg: [BenjaminiHochbergCase]

    enum CodingKeys: String, CodingKey {
        case versions
        case benjaminiHochberg = "benjamini_hochberg"
        case numericCases = "numeric_cases"
        case categoricalCases = "categorical_cases"
    }

    static let shared: DriftMethodFixtures = {
        do {
            return try Fixtures.load("drift_methods", as: DriftMethodFixtures.self)
        } catch {
            fatalError("cannot load drift_methods.json: \(error)")
        }
    }()
}
