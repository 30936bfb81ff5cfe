import DriftWatchCore
import HTTPTypes
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

    @Test func theLengthAndTypeAreFoundAmongTheOtherHeaders() {
        var headers: HTTPFields = [.accept: "*/*", .contentType: "application/x-ndjson", .userAgent: "wrk"]
        headers.append(HTTPField(name: .contentLength, value: "5000"))
        headers.append(HTTPField(name: .contentType, value: "application/json"))
        let found = IngestBodyReader.lengthAndType(headers)
        #expect(found.length == "5000")
        #expect(found.type == "application/x-ndjson", "the first of two")
        let none = IngestBodyReader.lengthAndType([.accept: "*/*"])
        #expect(none.length == nil && none.type == nil)
    }
}
