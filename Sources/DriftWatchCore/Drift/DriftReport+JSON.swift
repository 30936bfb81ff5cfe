import DriftStats
import Foundation

extension DriftReport: Encodable {
    private enum Keys: String, CodingKey {
        case referenceRows = "reference_rows"
        case currentRows = "current_rows"
        case datasetDrift = "dataset_drift"
        case features
        case onlyInReference = "only_in_reference"
        case onlyInCurrent = "only_in_current"
        case correction
    }

    /// Encodes the documented JSON shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(referenceRows, forKey: .referenceRows)
        try container.encode(currentRows, forKey: .currentRows)
        try container.encode(datasetDrift, forKey: .datasetDrift)
        try container.encode(features, forKey: .features)
        try container.encode(onlyInReference, forKey: .onlyInReference)
        try container.encode(onlyInCurrent, forKey: .onlyInCurrent)
        try container.encode(correction, forKey: .correction)
    }

    /// The report as JSON text on one line, keys sorted so that output is byte-for-byte stable.
    public func jsonText() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding these value types cannot fail: every number is finite or encoded as null.
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

extension DatasetDrift: Encodable {
    private enum Keys: String, CodingKey { case drifted, total, share, threshold, detected }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(drifted, forKey: .drifted)
        try container.encode(total, forKey: .total)
        try container.encode(share, forKey: .share)
        try container.encode(threshold, forKey: .threshold)
        try container.encode(detected, forKey: .detected)
    }
}

extension FeatureDrift: Encodable {
    private enum Keys: String, CodingKey {
        case name, kind
        case missingReference = "missing_reference"
        case missingCurrent = "missing_current"
        case drift, results
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encode(missingReference, forKey: .missingReference)
        try container.encode(missingCurrent, forKey: .missingCurrent)
        try container.encode(drift, forKey: .drift)
        try container.encode(results, forKey: .results)
    }
}

extension MethodResult: Encodable {
    private enum Keys: String, CodingKey {
        case method, statistic
        case pValue = "p_value"
        case pValueAdjusted = "p_value_adjusted"
        case threshold, drift
        case automatic, reason
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(result.method.rawValue, forKey: .method)
        try container.encode(result.statistic.finiteOrNil, forKey: .statistic)
        try container.encode(result.pValue.finiteOrNil, forKey: .pValue)
        if result.method.isHypothesisTest {
            try container.encode(adjustedPValue.finiteOrNil, forKey: .pValueAdjusted)
        }
        try container.encode(result.threshold, forKey: .threshold)
        try container.encode(result.drift, forKey: .drift)
        try container.encode(automatic, forKey: .automatic)
        if let reason = result.reason { try container.encode(reason, forKey: .reason) }
    }
}

extension Optional where Wrapped == Double {
    /// The value when it is a finite number, so that JSON gets `null` instead of failing.
    fileprivate var finiteOrNil: Double? {
        if let value = self, value.isFinite { return value }
        return nil
    }
}
