import Foundation

/// What a model predicts.
public enum ModelTask: String, Sendable, Hashable, CaseIterable, Codable {
    /// Two classes; `y_proba` holds the positive class's probability.
    case binary
    /// More than two classes.
    case multiclass
    /// A number.
    case regression
    /// Not declared, and not yet clear from the events.
    case unknown
}

/// The type of a feature's values.
public enum FeatureType: String, Sendable, Hashable, CaseIterable, Codable {
    /// Numbers: drift by distribution tests, quantiles, outliers.
    case numeric
    /// Categories: drift by frequency tests, unseen categories. Numbers are accepted as categories.
    case categorical
}

/// Where a model's schema came from.
public enum ModelOrigin: String, Sendable, Hashable, Codable {
    /// Declared through the API or the config file.
    case declared
    /// Learned from the model's first events.
    case learned
}

/// The features and segment keys a model's events are expected to carry.
public struct ModelSchema: Sendable, Hashable {
    /// Feature name → type.
    public var features: [String: FeatureType]
    /// The segment keys (region, tier, …).
    public var segments: Set<String>

    /// Creates a schema.
    public init(features: [String: FeatureType] = [:], segments: Set<String> = []) {
        self.features = features
        self.segments = segments
    }
}

/// A monitored model.
public struct ModelDefinition: Sendable, Hashable {
    /// The model's id, as events name it in `model_id`.
    public var id: String
    /// What it predicts.
    public var task: ModelTask
    /// What its events carry.
    public var schema: ModelSchema
    /// Declared or learned.
    public var origin: ModelOrigin
    /// A free-text description.
    public var description: String?
    /// When the model was first defined.
    public var createdAt: Date
    /// When the definition last changed.
    public var updatedAt: Date

    /// Creates a definition.
    public init(
        id: String, task: ModelTask, schema: ModelSchema, origin: ModelOrigin, description: String? = nil,
        createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.task = task
        self.schema = schema
        self.origin = origin
        self.description = description
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// How a stored event departs from its model's schema. Such events are stored all the same and
/// counted, so that a broken upstream shows up instead of disappearing.
public struct SchemaViolation: Sendable, Hashable {
    /// The kinds of departure.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// A numeric feature got a string.
        case typeMismatch = "type_mismatch"
        /// A feature the schema does not have.
        case unknownFeature = "unknown_feature"
        /// A segment key the schema does not have.
        case unknownSegment = "unknown_segment"
    }

    /// The feature or segment key at fault.
    public var field: String
    /// What is wrong.
    public var kind: Kind

    /// Creates a violation.
    public init(field: String, kind: Kind) {
        self.field = field
        self.kind = kind
    }
}

/// How often one kind of violation was seen on one field of a model.
public struct SchemaViolationCount: Sendable, Hashable {
    /// The feature or segment key.
    public var field: String
    /// The kind of violation.
    public var kind: SchemaViolation.Kind
    /// How many stored events had it.
    public var count: Int
    /// When it was last seen (the event's time).
    public var lastSeen: Date

    /// Creates a count.
    public init(field: String, kind: SchemaViolation.Kind, count: Int, lastSeen: Date) {
        self.field = field
        self.kind = kind
        self.count = count
        self.lastSeen = lastSeen
    }
}

/// How much a model has been used.
public struct ModelActivity: Sendable, Hashable {
    /// Stored inferences.
    public var inferences: Int
    /// Stored labels.
    public var labels: Int
    /// The earliest and latest inference time, when there are any.
    public var firstEvent: Date?
    public var lastEvent: Date?

    /// Creates an activity summary.
    public init(inferences: Int, labels: Int, firstEvent: Date?, lastEvent: Date?) {
        self.inferences = inferences
        self.labels = labels
        self.firstEvent = firstEvent
        self.lastEvent = lastEvent
    }
}
