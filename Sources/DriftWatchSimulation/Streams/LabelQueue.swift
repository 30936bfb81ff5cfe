import DriftWatchCore
import Foundation

/// Labels waiting for the time they become available, for a driver that sends them late.
///
/// ```swift
/// var pending = LabelQueue()
/// for event in stream {
///     try await client.send(event.inference)
///     if let label = event.label { pending.insert(label) }
///     for label in pending.removeDue(at: event.inference.timestamp) { try await client.send(label) }
/// }
/// ```
///
/// A binary min-heap on the label's timestamp: O(log n) per label.
public struct LabelQueue: Sendable {
    private var heap: [LabelEvent] = []

    /// An empty queue.
    public init() {}

    /// The number of labels waiting.
    public var count: Int { heap.count }

    /// Whether no label is waiting.
    public var isEmpty: Bool { heap.isEmpty }

    /// When the next label becomes available.
    public var nextDue: Date? { heap.first?.timestamp }

    /// Adds a label, due at its timestamp.
    public mutating func insert(_ label: LabelEvent) {
        heap.append(label)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].timestamp < heap[parent].timestamp else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns, earliest first, every label due at or before `time`.
    public mutating func removeDue(at time: Date) -> [LabelEvent] {
        var due: [LabelEvent] = []
        while let first = heap.first, first.timestamp <= time { due.append(removeFirst()) }
        return due
    }

    private mutating func removeFirst() -> LabelEvent {
        let first = heap[0]
        let last = heap.removeLast()
        guard !heap.isEmpty else { return first }
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, heap[left].timestamp < heap[smallest].timestamp { smallest = left }
            if right < heap.count, heap[right].timestamp < heap[smallest].timestamp { smallest = right }
            guard smallest != parent else { return first }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
