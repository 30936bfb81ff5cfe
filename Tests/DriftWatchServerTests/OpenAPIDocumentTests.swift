import DriftWatchSQLite
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DriftWatchServer

/// `GET /openapi.json` stays true: it lists exactly the router's routes (but the dashboard's HTML
/// pages and assets, which are not API), every reference
/// resolves, and each documented example request gets a documented status with documented fields.
@Suite struct OpenAPIDocumentTests {
    private func document(_ client: any TestClientProtocol) async throws -> [String: Any] {
        let (status, body) = try await get(client, "/openapi.json")
        #expect(status == .ok)
        return body
    }

    @Test func itListsExactlyTheRoutesTheServerHas() async throws {
        let directory = NSTemporaryDirectory() + "driftwatch-openapi-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteEventStore(path: directory + "/driftwatch.sqlite")
        let router = DriftWatchServer.router(store: store, limits: IngestLimits())
        let dashboard = Set(DashboardRoutes<BasicRequestContext>.paths.map { RouterPath($0).description })
        let served = Set(
            router.routes.filter { !dashboard.contains($0.path.description) }.map { route in
                let path = route.path.description.split(separator: "/").map {
                    $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0)
                }
                return "\(route.method.rawValue.lowercased()) /\(path.joined(separator: "/"))"
            })
        try await withServer { client, _ in
            let paths = try #require(try await document(client)["paths"] as? [String: [String: Any]])
            let documented = Set(paths.flatMap { path, item in item.keys.map { "\($0) \(path)" } })
            #expect(documented == served)
        }
    }

    @Test func itIsOpenAPI31AndEveryReferenceResolves() async throws {
        try await withServer { client, _ in
            let document = try await document(client)
            #expect(document["openapi"] as? String == "3.1.0")
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            var references: [String] = []
            func collect(_ value: Any) {
                if let object = value as? [String: Any] {
                    if let ref = object["$ref"] as? String { references.append(ref) }
                    object.values.forEach(collect)
                } else if let array = value as? [Any] {
                    array.forEach(collect)
                }
            }
            collect(document)
            #expect(!references.isEmpty)
            for reference in references {
                let name = try #require(reference.split(separator: "/").last)
                #expect(reference.hasPrefix("#/components/schemas/") && schemas[String(name)] != nil, "\(reference)")
            }
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            for (path, item) in paths {
                for (method, operation) in item {
                    let operation = try #require(operation as? [String: Any])
                    #expect(operation["operationId"] is String, "\(method) \(path)")
                    #expect((operation["responses"] as? [String: Any])?.isEmpty == false, "\(method) \(path)")
                }
            }
        }
    }

    @Test func everyExampleGetsADocumentedAnswer() async throws {
        try await withServer { client, _ in
            let document = try await document(client)
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            // Writes first (their examples create what the reads ask for), then reads.
            let order = [
                "post /v1/models", "post /v1/models/{model}/reference", "post /v1/inferences", "post /v1/labels",
                "post /monitor/predict", "post /v1/alert-rules", "put /v1/alert-rules/{id}", "post /v1/silences",
                "post /v1/simulations",
            ]
            // Deletes last, after the reads of what they delete.
            func rank(_ name: String) -> Int { order.firstIndex(of: name) ?? (name.hasPrefix("delete ") ? 100 : 99) }
            let operations = paths.flatMap { path, item in item.map { ("\($0.key) \(path)", path, $0.key, $0.value) } }
                .sorted { (rank($0.0), $0.0) < (rank($1.0), $1.0) }
            for (name, path, method, value) in operations {
                let operation = try #require(value as? [String: Any])
                let responses = try #require(operation["responses"] as? [String: Any])
                let query = (operation["x-example-query"] as? String).map { "?" + $0 } ?? ""
                // Ids that the examples of the writes create.
                let id =
                    path.hasPrefix("/v1/silences")
                    ? "maintenance" : path.hasPrefix("/v1/simulations") ? "latest" : "example-rule"
                let uri =
                    path.replacingOccurrences(of: "{model}", with: "fraud")
                    .replacingOccurrences(of: "{request}", with: "r-1").replacingOccurrences(of: "{id}", with: id)
                    .replacingOccurrences(of: "{scenario}", with: "sudden_drift")
                    + query
                let content = (operation["requestBody"] as? [String: Any])?["content"] as? [String: Any]
                let example = (content?["application/json"] as? [String: Any])?["example"] as? String
                #expect(
                    ["get", "delete"].contains(method) || example != nil || operation["requestBody"] == nil,
                    "\(name) has an example request")
                let methods: [String: HTTPRequest.Method] = [
                    "get": .get, "post": .post, "put": .put, "delete": .delete,
                ]
                let (status, body) = try await client.execute(
                    uri: uri, method: try #require(methods[method]), headers: [.contentType: "application/json"],
                    body: example.map { ByteBuffer(string: $0) }
                ) { response in (response.status, response.body) }
                let documented = try #require(responses[String(status.code)] as? [String: Any], "\(name) → \(status)")
                #expect(status.code < 300, "\(name): the example succeeds (\(status))")
                let media = (documented["content"] as? [String: Any])?["application/json"] as? [String: Any]
                guard let ref = (media?["schema"] as? [String: Any])?["$ref"] as? String else { continue }
                let schema = try #require(schemas[String(ref.split(separator: "/").last!)] as? [String: Any])
                let properties = Set((schema["properties"] as? [String: Any] ?? [:]).keys)
                let answer = try json(body)
                #expect(
                    Set(answer.keys).isSubset(of: properties),
                    "\(name): undocumented fields \(Set(answer.keys).subtracting(properties))")
                for required in schema["required"] as? [String] ?? [] {
                    #expect(answer[required] != nil, "\(name): documented as always present: \(required)")
                }
            }
        }
    }
}
