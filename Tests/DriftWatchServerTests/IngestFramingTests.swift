import DriftWatchCore
import Testing

@testable import DriftWatchServer

/// Which framing a request's content type asks for: NDJSON / JSON Lines in any spelling and
/// case, else one JSON document.
@Suite struct IngestFramingTests {
    @Test(arguments: [
        "application/x-ndjson", "application/NDJSON", "application/jsonl", "application/jsonlines",
        "application/json-lines", "Application/X-NDJSON; charset=utf-8", "text/JSON-Lines",
    ])
    func lineTypesAreReadAsLines(type: String) {
        #expect(IngestBodyReader.framing(contentType: type) == .lines)
    }

    @Test(arguments: ["application/json", "APPLICATION/JSON; charset=utf-8", "text/plain", "", "json", "ndjso"])
    func otherTypesAreOneDocument(type: String) {
        #expect(IngestBodyReader.framing(contentType: type) == .document)
    }

    @Test func noTypeIsOneDocument() {
        #expect(IngestBodyReader.framing(contentType: nil) == .document)
    }
}
