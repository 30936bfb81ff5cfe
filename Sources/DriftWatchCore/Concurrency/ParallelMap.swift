import Dispatch

/// Maps a function over an array on all cores, keeping the order of the results.
///
/// For CPU-bound batch work such as evaluating the columns of a report, where each element
/// takes milliseconds; `concurrentPerform` spreads the iterations over one thread per core.
enum ParallelMap {
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let slots = ResultSlots<Result>(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            slots.store(transform(elements[index]), at: index)
        }
        return slots.values()
    }
}

/// Write-once result slots, one per iteration; each index is written by exactly one thread.
private final class ResultSlots<Result>: @unchecked Sendable {
    private var slots: [Result?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: Result, at index: Int) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func values() -> [Result] { slots.map { $0! } }
}
