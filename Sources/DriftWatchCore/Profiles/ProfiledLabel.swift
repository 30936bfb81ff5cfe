import Foundation

/// How far the profiles have got: the last inference (insertion position) and the last label
/// change (the labels' sequence, which grows with every stored or corrected label) included.
public struct ProfilePosition: Sendable, Hashable {
    public var events: Int64
    public var labels: Int64

    /// Creates a position.
    public init(events: Int64, labels: Int64) {
        self.events = events
        self.labels = labels
    }
}

/// A label joined with its prediction, as the profiles count it.
public struct ProfiledLabel: Sendable, Hashable {
    /// The request the label is for.
    public var requestID: String
    /// The label's own time.
    public var timestamp: Date
    /// The prediction with this label.
    public var pair: LabeledWindow.Pair

    /// Creates a profiled label.
    public init(requestID: String, timestamp: Date, pair: LabeledWindow.Pair) {
        self.requestID = requestID
        self.timestamp = timestamp
        self.pair = pair
    }
}

/// A label stored or corrected after the profiled label position, for a prediction already in
/// the profiles: its bucket gains the label, and loses the value counted before, if any.
public struct LabelChange: Sendable, Hashable {
    /// The prediction's model, version, time and segments (its other fields are not read).
    public var event: ProfiledEvent
    /// The label now.
    public var label: ProfiledLabel
    /// The same prediction with the label value the profiles hold, nil when they hold none.
    public var counted: LabeledWindow.Pair?

    /// Creates a change.
    public init(event: ProfiledEvent, label: ProfiledLabel, counted: LabeledWindow.Pair?) {
        self.event = event
        self.label = label
        self.counted = counted
    }
}

/// Label changes after a label position.
public struct LabelChanges: Sendable {
    /// The sequence of the last label read (the position the batch takes the profiles to).
    public var through: Int64
    /// Labels read.
    public var read: Int
    /// Those whose prediction is profiled.
    public var changes: [LabelChange]

    /// Creates a batch.
    public init(through: Int64, read: Int, changes: [LabelChange]) {
        self.through = through
        self.read = read
        self.changes = changes
    }
}

/// A label value that a merge puts into the profiles, which the store records with the label
/// so that a later correction can take it out.
public struct CountedLabel: Sendable, Hashable {
    public var modelID: String
    public var label: ProfiledLabel

    /// Creates a record.
    public init(modelID: String, label: ProfiledLabel) {
        self.modelID = modelID
        self.label = label
    }
}
