import DriftWatchCore
import Synchronization

/// The inferences this process committed last, in position order, kept so that the profiler
/// takes them from memory instead of reading them back from the file and decoding their
/// features again (a third of a profiler pass under load).
///
/// Only what is certain is served: entries are appended after their transaction committed, in
/// commit order (the writer connection is serial), and held as one run of positions that follow
/// each other without a gap, so that an answer never leaves out a row of the file. A request
/// that the run does not cover from its first position is read from the file.
///
/// Bounded: at most ``capacity`` entries are held. What does not fit is left to the file, and
/// so is everything committed after a gap (rows written by another process, or rows left out
/// because the cache was full) until the profiler has taken the run; then a new run starts.
/// The oldest entries are the ones kept: they are the ones the profiler needs next. Dropping
/// them instead sent a profiler that trailed by more than the cache to the file for as long as
/// the load lasted, as reading from the file is slower than taking from memory. Positions
/// that go back (rows deleted and their positions taken again) replace the run. Zero turns the
/// cache off.
final class RecentEvents: Sendable {
    /// A committed inference as the profiler reads it, with what joining its label needs.
    struct Entry: Sendable {
        /// The inference's position in the store.
        let position: Int64
        let content: Content

        /// What the entry holds besides its position. A class: entries are copied into the
        /// cache and out of it, and a copy is then one reference instead of a dozen; and it is
        /// made before the transaction that gives the position, so that the writer only pairs
        /// it with the position.
        final class Content: Sendable {
            /// The event without a label; its position is the entry's.
            let event: ProfiledEvent
            let requestID: String
            let probabilities: [String: Double]
            /// As stored: Unix milliseconds.
            let timestamp: Int64

            init(event: ProfiledEvent, requestID: String, probabilities: [String: Double], timestamp: Int64) {
                self.event = event
                self.requestID = requestID
                self.probabilities = probabilities
                self.timestamp = timestamp
            }
        }

        init(position: Int64, content: Content) {
            self.position = position
            self.content = content
        }

        /// The event, without a label, at the entry's position.
        var event: ProfiledEvent {
            var event = content.event
            event.position = position
            return event
        }
    }

    let capacity: Int
    private let entries = Mutex<[Entry]>([])

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// Adds the entries of one committed transaction, in position order, as far as they continue
    /// the run held and fit.
    func append(_ committed: [Entry]) {
        guard capacity > 0, let first = committed.first else { return }
        entries.withLock { entries in
            if let last = entries.last {
                // Positions that go back: the run held describes rows that are gone.
                if first.position <= last.position {
                    entries.removeAll(keepingCapacity: true)
                }
                // A gap: what follows it is read from the file.
                else if first.position != last.position + 1 {
                    return
                }
            }
            guard Self.isContiguous(committed) else { return }
            entries.append(contentsOf: committed.prefix(capacity - entries.count))
        }
    }

    /// The entries right after `start`, at most `limit`; nil unless the cache holds the entry at
    /// `start + 1`. Entries at or before `counted` (by default `start`) are dropped: the profiler
    /// has counted them. A pass that reads on past entries it has not merged yet passes the
    /// position it started from, so that a profiler that loses its merge to another finds them
    /// again.
    func take(after start: Int64, limit: Int, counted: Int64? = nil) -> [Entry]? {
        entries.withLock { entries in
            let counted = min(counted ?? start, start)
            if let first = entries.first, first.position <= counted {
                entries.removeFirst(Int(min(counted - first.position + 1, Int64(entries.count))))
            }
            // The run is contiguous: the entry at start + 1 is at its offset from the first.
            guard let first = entries.first, first.position <= start + 1 else { return nil }
            let offset = Int(start + 1 - first.position)
            guard offset < entries.count else { return nil }
            return Array(entries[offset..<min(offset + limit, entries.count)])
        }
    }

    /// The position of the oldest entry held, if any.
    var firstPosition: Int64? { entries.withLock { $0.first?.position } }

    /// Entries held (for tests).
    var count: Int { entries.withLock { $0.count } }

    private static func isContiguous(_ batch: [Entry]) -> Bool {
        zip(batch, batch.dropFirst()).allSatisfy { $0.position + 1 == $1.position }
    }
}
