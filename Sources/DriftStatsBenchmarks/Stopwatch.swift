/// The timing of one case: the fastest of several repetitions, each long enough to measure.
struct Measurement {
    /// Seconds per operation (one pass over the input, one merge, one metrics call).
    var seconds: Double
    /// Items one operation processes.
    var items: Int
    /// Operations per timed repetition.
    var innerIterations: Int
    /// Timed repetitions.
    var repetitions: Int
    /// What the first operation returned (detections, a count, a sum of metrics), to compare with a peer.
    var result: Double
    /// The sum of every operation's result, printed so that no operation can be optimized away.
    var checksum: Double

    var itemsPerSecond: Double { Double(items) / seconds }
}

enum Stopwatch {
    private static let clock = ContinuousClock()

    /// Runs `operation` once untimed to size the repetitions, then `repetitions` times
    /// `innerIterations` operations, where `innerIterations` makes one repetition last at least
    /// `minimumSeconds`; reports the fastest repetition divided by `innerIterations`.
    static func measure(
        items: Int, minimumSeconds: Double, repetitions: Int, _ operation: () -> Double
    ) -> Measurement {
        let start = clock.now
        let first = operation()
        let once = max(seconds(clock.now - start), 1e-9)
        let inner = max(1, Int((minimumSeconds / once).rounded(.up)))
        var checksum = first
        var best = Double.infinity
        for _ in 0..<repetitions {
            let begin = clock.now
            for _ in 0..<inner { checksum += operation() }
            best = min(best, seconds(clock.now - begin) / Double(inner))
        }
        return Measurement(
            seconds: best, items: items, innerIterations: inner, repetitions: repetitions, result: first,
            checksum: checksum)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}

/// Returns its argument through a call the optimizer may not look into, so that work on the
/// result cannot be hoisted out of a timing loop.
@inline(never) @_optimize(none)
func opaque<T>(_ value: T) -> T { value }
