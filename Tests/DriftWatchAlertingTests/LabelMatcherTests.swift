import DriftWatchAlerting
import Foundation
import Testing

@Suite("Label matchers")
struct LabelMatcherTests {
    let labels: AlertLabels = ["alertname": "FeatureDriftPSI", "severity": "critical", "model": "fraud-eu"]

    @Test(
        "the four operators follow Alertmanager's semantics",
        arguments: [
            (#"severity="critical""#, true), (#"severity="warning""#, false), (#"severity!="warning""#, true),
            (#"severity!=critical"#, false), (#"model=~"fraud-.*""#, true), (#"model=~"fraud""#, false),
            (#"model=~"eu""#, false), (#"model!~"churn|price""#, true), (#"model!~"fraud-(eu|us)""#, false),
            // A missing label is the empty string.
            (#"team="""#, true), (#"team!="""#, false), (#"team=~".*""#, true), (#"team=~".+""#, false),
        ])
    func semantics(text: String, matches: Bool) throws {
        let matcher = try LabelMatcher(parsing: text)
        #expect(matcher.matches(labels) == matches)
    }

    @Test("the text form reads back to the same matcher, quotes and escapes included")
    func parsing() throws {
        let matcher = try LabelMatcher(parsing: #"  summary =~ "say \"hi\"\\.*"  "#)
        #expect(matcher.name == "summary")
        #expect(matcher.op == .regexMatch)
        #expect(matcher.value == #"say "hi"\.*"#)
        #expect(try LabelMatcher(parsing: matcher.description) == matcher)
    }

    @Test(
        "malformed matchers are rejected with a reason",
        arguments: ["severity", "=critical", "2x=y", #"a="open"#, "a=~(("])
    func rejects(text: String) {
        #expect(throws: AlertConfigurationProblem.self) { try LabelMatcher(parsing: text) }
    }

    @Test("matchers decode from strings or objects and name the field on error")
    func decoding() throws {
        let decoded = try decode(
            [LabelMatcher].self, #"["severity=\"critical\"", {"name": "model", "op": "=~", "value": "fraud.*"}]"#)
        #expect(decoded == [.equal("severity", "critical"), try LabelMatcher("model", .regexMatch, "fraud.*")])
        let problem = try #require(decodingProblem(Route.self, #"{"matchers": ["severity=critical", "oops"]}"#))
        #expect(problem.field == "matchers[1]")
        #expect(problem.message.contains("no operator"))
    }
}
