import DriftStats
import Foundation

/// Everything a time bucket of one model's traffic (for one version and segment) needs for
/// drift, data quality, latency and volume: counts, sketches of the prediction and latency,
/// and one ``FeatureProfile`` per feature.
///
/// Profiles merge: a window's profile is the merge of its buckets', and hours and days are
/// merges of minutes. They are derived from raw events and can be rebuilt from them.
public struct TrafficProfile: Sendable, Equatable {
    /// Inferences.
    public var count = 0
    /// Inferences that reported an error.
    public var errors = 0
    /// Inferences that broke the model's schema in any way.
    public var schemaViolations = 0
    /// Latency in milliseconds.
    public var latency = KLLSketch(k: FeatureProfile.quantileK)
    /// Latency in milliseconds: mean and extremes.
    public var latencyMoments = MomentsSketch()
    /// Numeric predictions.
    public var prediction = FeatureProfile()
    /// Per feature.
    public var features: [String: FeatureProfile] = [:]
    /// The bucket's predictions that have labels, counted in the bucket of the prediction
    /// however late the label came (see ``ProfileBuilder/labelIncrements(for:)``).
    public var labeled = PerformanceSketch()

    /// An empty profile.
    public init() {}

    /// Adds one event.
    public mutating func add(_ event: ProfiledEvent) {
        count += 1
        if event.error != nil { errors += 1 }
        if !event.violatedFields.isEmpty { schemaViolations += 1 }
        if let latencyMilliseconds = event.latencyMilliseconds, latencyMilliseconds.isFinite {
            latency.add(latencyMilliseconds)
            latencyMoments.add(latencyMilliseconds)
        }
        if let number = event.predictionNumber {
            prediction.add(.number(number))
        } else if let text = event.predictionText {
            prediction.add(.text(text))
        } else {
            prediction.missing += 1
        }
        for (name, value) in event.features {
            features[name, default: FeatureProfile()].add(value)
        }
        for field in event.violatedFields {
            features[field, default: FeatureProfile()].typeViolations += 1
        }
        if let label = event.label { labeled.add(label.pair.labeledPrediction) }
    }

    /// Adds everything `other` saw.
    public mutating func merge(_ other: TrafficProfile) {
        count += other.count
        errors += other.errors
        schemaViolations += other.schemaViolations
        latency.merge(other.latency)
        latencyMoments.merge(other.latencyMoments)
        prediction.merge(other.prediction)
        for (name, feature) in other.features {
            features[name, default: FeatureProfile()].merge(feature)
        }
        labeled.merge(other.labeled)
    }

    /// The share of inferences with an error; nil without inferences.
    public var errorRate: Double? { count == 0 ? nil : Double(errors) / Double(count) }

    /// A latency quantile in milliseconds; nil when no latency was reported.
    public func latencyQuantile(_ q: Double) -> Double? {
        latency.isEmpty ? nil : latency.quantile(q)
    }
}

/// The fields of a stored inference that profiles read.
public struct ProfiledEvent: Sendable, Hashable {
    /// The store's insertion position: profiling resumes after the last one it saw.
    public var position: Int64
    public var modelID: String
    /// Empty when the event names no version.
    public var modelVersion: String
    public var timestamp: Date
    public var predictionNumber: Double?
    public var predictionText: String?
    public var latencyMilliseconds: Double?
    public var features: [String: FeatureValue]
    public var segments: [String: String]
    public var error: String?
    /// Features that broke the model's schema.
    public var violatedFields: [String]
    /// The event's label, when it was stored before the event was profiled.
    public var label: ProfiledLabel?

    /// Creates an event to profile.
    public init(
        position: Int64, modelID: String, modelVersion: String = "", timestamp: Date, predictionNumber: Double? = nil,
        predictionText: String? = nil, latencyMilliseconds: Double? = nil, features: [String: FeatureValue] = [:],
        segments: [String: String] = [:], error: String? = nil, violatedFields: [String] = [],
        label: ProfiledLabel? = nil
    ) {
        self.position = position
        self.modelID = modelID
        self.modelVersion = modelVersion
        self.timestamp = timestamp
        self.predictionNumber = predictionNumber
        self.predictionText = predictionText
        self.latencyMilliseconds = latencyMilliseconds
        self.features = features
        self.segments = segments
        self.error = error
        self.violatedFields = violatedFields
        self.label = label
    }
}
