import DriftWatchAlerting
import Testing

@Suite("Durations")
struct AlertDurationTests {
    @Test(
        "reads Prometheus-style durations",
        arguments: [
            ("30s", 30.0), ("5m", 300), ("1h30m", 5400), ("250ms", 0.25), ("1d", 86400), ("2w", 1_209_600),
            ("1h0m5s", 3605), ("0", 0), ("0s", 0), (" 10m ", 600),
        ])
    func parses(text: String, seconds: Double) throws {
        #expect(try AlertDuration(parsing: text).seconds == seconds)
    }

    @Test(
        "explains what is wrong with a bad duration",
        arguments: [
            ("", "empty"), ("5x", "unknown unit \"x\""), ("10", "has no unit"), ("m5", "expected a number"),
            ("30m1h", "largest to smallest"), ("5m5m", "largest to smallest"), ("1.5h", "has no unit"),
            ("-5m", "expected a number"), ("99999999999999999999s", "too large"),
        ])
    func rejects(text: String, reason: String) {
        #expect {
            try AlertDuration(parsing: text)
        } throws: { error in
            let description = "\(error)"
            return description.contains(reason) && description.contains("\"\(text)\"")
        }
    }

    @Test("prints the canonical form, which reads back the same")
    func roundTrip() throws {
        for text in ["1h30m", "45s", "1d2h", "1s500ms", "0s"] {
            let duration = try AlertDuration(parsing: text)
            #expect(duration.description == text)
            #expect(try AlertDuration(parsing: duration.description) == duration)
        }
        #expect(AlertDuration.minutes(90).description == "1h30m")
    }
}
