import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The simulation operations of `/openapi.json` tell the truth: each example, sent with the
/// path's parameters filled in (`sudden_drift`, and `latest` for the simulation the POST
/// example started), gets a documented success with documented fields.
@Suite struct SimulationOpenAPITests {
    @Test func theSimulationExamplesGetDocumentedAnswers() async throws {
        try await withServer { client, _ in
            let document = try await get(client, "/openapi.json").body
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            // The writes first, so that the reads find what they started.
            let operations = [
                ("post", "/v1/simulations"), ("post", "/simulate/{scenario}"), ("get", "/v1/simulations"),
                ("get", "/v1/simulations/{id}"),
            ]
            for (method, path) in operations {
                let operation = try #require(paths[path]?[method] as? [String: Any], "\(method) \(path) is documented")
                let responses = try #require(operation["responses"] as? [String: Any])
                let content = (operation["requestBody"] as? [String: Any])?["content"] as? [String: Any]
                let example = (content?["application/json"] as? [String: Any])?["example"] as? String
                #expect(method == "get" || example != nil, "\(method) \(path) has an example")
                let uri = path.replacingOccurrences(of: "{scenario}", with: "sudden_drift")
                    .replacingOccurrences(of: "{id}", with: "latest")
                let (status, body) = try await client.execute(
                    uri: uri, method: method == "get" ? .get : .post, headers: [.contentType: "application/json"],
                    body: example.map { ByteBuffer(string: $0) }
                ) { response in (response.status, try json(response.body)) }
                #expect(status.code < 300, "\(method) \(path): \(status) \(body)")
                let documented = try #require(responses[String(status.code)] as? [String: Any], "\(status)")
                let media = (documented["content"] as? [String: Any])?["application/json"] as? [String: Any]
                let ref = try #require((media?["schema"] as? [String: Any])?["$ref"] as? String)
                let schema = try #require(schemas[String(ref.split(separator: "/").last!)] as? [String: Any])
                let properties = Set((schema["properties"] as? [String: Any] ?? [:]).keys)
                #expect(Set(body.keys).isSubset(of: properties), "\(path): \(Set(body.keys).subtracting(properties))")
                for required in schema["required"] as? [String] ?? [] {
                    #expect(body[required] != nil, "\(path): \(required)")
                }
            }
        }
    }
}
