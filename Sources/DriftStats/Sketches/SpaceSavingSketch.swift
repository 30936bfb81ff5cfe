/// Frequent items of a stream of strings: the space-saving algorithm (Metwally, Agrawal &
/// El Abbadi 2005) with `capacity` counters, mergeable as Agarwal et al. (2012) show.
///
/// A monitored item's counter grows with each occurrence. An unmonitored item takes a free
/// counter, or else evicts the item with the smallest counter m and inherits m, recorded as
/// that counter's error: the item may have occurred up to m times before. ``maximumError``, φ,
/// bounds the frequency of every unmonitored item and the error of every counter.
///
/// Error: for each item, count − error ≤ f ≤ count, with error ≤ φ ≤ N/k for N values and
/// capacity k (the invariant Σ counts + (k − monitored)·φ ≤ N keeps φ ≤ N/k through adds and
/// merges). So every item with f > N/k, indeed every item with f > φ, is monitored, and
/// ``frequentItems(above:)`` has no false negatives for thresholds ≥ φ. While fewer than k
/// distinct items have been seen, counts are exact (φ = 0).
///
/// Merge (Agarwal et al., §3, in space-saving form): each item's count and error are the sums
/// of its counts and errors in the two sketches, an unmonitored side contributing its φ to
/// both; the k largest counts are kept (ties by item) and φ becomes the largest count dropped,
/// or φ₁ + φ₂. The result is exactly commutative, and exactly associative while nothing is
/// dropped; when counters are dropped, different merge orders can give different (equally
/// bounded) estimates.
public struct SpaceSavingSketch: Sendable {
    /// The default number of counters, enough to count most categorical columns exactly.
    public static let defaultCapacity = 1024

    /// One item's estimated frequency.
    public struct Estimate: Sendable, Hashable {
        /// The item.
        public var item: String
        /// An upper bound on its frequency, the space-saving count.
        public var count: Int
        /// A lower bound on its frequency, count − error.
        public var lowerBound: Int
    }

    /// k, the number of counters; a merge keeps the smaller one.
    public private(set) var capacity: Int
    /// N, the number of values added.
    public private(set) var count = 0
    /// φ: no unmonitored item occurred more often, and no counter overestimates by more.
    public private(set) var maximumError = 0
    /// The monitored item of each counter slot.
    private var items: [String] = []
    private var counts: [Int] = []
    private var errors: [Int] = []
    private var slotOf: [String: Int] = [:]
    /// A binary min-heap of slots by count.
    private var heap: [Int] = []
    /// Each slot's position in ``heap``.
    private var positionOf: [Int] = []

    /// Creates an empty sketch with `capacity` counters.
    public init(capacity: Int = defaultCapacity) {
        precondition(capacity >= 1, "capacity must be at least 1")
        self.capacity = capacity
    }

    /// Assembles a sketch from entries in heap order, checked by the caller.
    init(capacity: Int, count: Int, maximumError: Int, entries: [(item: String, count: Int, error: Int)]) {
        self.capacity = capacity
        self.count = count
        self.maximumError = maximumError
        items = entries.map(\.item)
        counts = entries.map(\.count)
        errors = entries.map(\.error)
        slotOf = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1, $0) })
        heap = Array(entries.indices)
        positionOf = heap
    }

    /// Adds one occurrence of `item`.
    public mutating func add(_ item: String) {
        add(item, occurrences: 1)
    }

    /// Adds `occurrences` (≥ 1) occurrences of `item` at once.
    public mutating func add(_ item: String, occurrences: Int) {
        precondition(occurrences >= 1, "occurrences must be at least 1")
        count += occurrences
        if let slot = slotOf[item] {
            counts[slot] += occurrences
            siftDown(positionOf[slot])
        } else if items.count < capacity {
            let slot = items.count
            items.append(item)
            counts.append(maximumError + occurrences)
            errors.append(maximumError)
            slotOf[item] = slot
            heap.append(slot)
            positionOf.append(heap.count - 1)
            siftUp(heap.count - 1)
        } else {
            let slot = heap[0]
            maximumError = counts[slot]
            slotOf[items[slot]] = nil
            slotOf[item] = slot
            items[slot] = item
            errors[slot] = maximumError
            counts[slot] = maximumError + occurrences
            siftDown(0)
        }
    }

    /// Adds every item of a sequence.
    public mutating func add(contentsOf items: some Sequence<String>) {
        for item in items { add(item) }
    }

    /// Merges `other` into this sketch (see the type's documentation).
    public mutating func merge(_ other: SpaceSavingSketch) {
        var combined: [String: (count: Int, error: Int)] = [:]
        for (slot, item) in items.enumerated() {
            combined[item] = (counts[slot] + other.maximumError, errors[slot] + other.maximumError)
        }
        for (slot, item) in other.items.enumerated() {
            let mine = combined[item].map { ($0.count - other.maximumError, $0.error - other.maximumError) }
            let (count, error) = mine ?? (maximumError, maximumError)
            combined[item] = (count + other.counts[slot], error + other.errors[slot])
        }
        let ranked = combined.map { (item: $0.key, count: $0.value.count, error: $0.value.error) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.item < $1.item }
        let kept = min(capacity, other.capacity)
        var floor = maximumError + other.maximumError
        if ranked.count > kept { floor = max(floor, ranked[kept].count) }
        // Descending counts read backwards are ascending: already a min-heap.
        self = SpaceSavingSketch(
            capacity: kept, count: count + other.count, maximumError: floor, entries: ranked.prefix(kept).reversed())
    }

    /// This sketch merged with `other`.
    public func merged(with other: SpaceSavingSketch) -> SpaceSavingSketch {
        var result = self
        result.merge(other)
        return result
    }

    /// The estimate for `item`: its counter, or (φ, 0) when it is not monitored.
    public func estimate(of item: String) -> Estimate {
        guard let slot = slotOf[item] else { return Estimate(item: item, count: maximumError, lowerBound: 0) }
        return Estimate(item: item, count: counts[slot], lowerBound: counts[slot] - errors[slot])
    }

    /// Every monitored item, by descending count (ties by item).
    public var estimates: [Estimate] {
        items.indices.map { Estimate(item: items[$0], count: counts[$0], lowerBound: counts[$0] - errors[$0]) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.item < $1.item }
    }

    /// The monitored items whose count exceeds `threshold`, by descending count. When
    /// `threshold` ≥ ``maximumError`` (for example N/k), every item that occurred more than
    /// `threshold` times is among them.
    public func frequentItems(above threshold: Int) -> [Estimate] {
        estimates.filter { $0.count > threshold }
    }

    /// The entries in heap order, which with the scalars determines all future behaviour.
    var heapOrderedEntries: [(item: String, count: Int, error: Int)] {
        heap.map { (items[$0], counts[$0], errors[$0]) }
    }

    private mutating func siftUp(_ position: Int) {
        var child = position
        while child > 0 {
            let parent = (child - 1) / 2
            guard counts[heap[child]] < counts[heap[parent]] else { return }
            swapHeap(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ position: Int) {
        var parent = position
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            let right = left + 1
            let child = right < heap.count && counts[heap[right]] < counts[heap[left]] ? right : left
            guard counts[heap[child]] < counts[heap[parent]] else { return }
            swapHeap(child, parent)
            parent = child
        }
    }

    private mutating func swapHeap(_ i: Int, _ j: Int) {
        heap.swapAt(i, j)
        positionOf[heap[i]] = i
        positionOf[heap[j]] = j
    }
}

extension SpaceSavingSketch: Equatable {
    /// Equal capacity, count, φ and counters; the heap layout, which only breaks ties between
    /// equal counters, is ignored.
    public static func == (a: SpaceSavingSketch, b: SpaceSavingSketch) -> Bool {
        a.capacity == b.capacity && a.count == b.count && a.maximumError == b.maximumError
            && a.estimates == b.estimates
    }
}
