import ArgumentParser
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `driftwatch reference upload`: sends a reference dataset to a running server.
struct ReferenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "Manage the reference datasets of a running server.",
        subcommands: [Upload.self]
    )

    struct Upload: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upload a model's reference dataset (CSV with a header, JSON or NDJSON rows).",
            discussion: """
                Replaces the model's earlier reference (with --version, that version's own reference, \
                which its traffic is compared with instead of the model-wide one). Exit status 2 when \
                the server refuses it.
                """
        )

        @Option(help: "The model id.")
        var model: String

        @Option(help: "The model version this is the reference of (default: the model-wide reference).")
        var version: String?

        @Option(help: "The dataset file: .csv, .json or .ndjson/.jsonl.")
        var file: String

        @Option(help: "The server's base URL.")
        var server: String = "http://127.0.0.1:8000"

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw badInput("cannot read \(file)")
            }
            if let version, version.isEmpty { throw badInput("--version must not be empty") }
            let encodedModel = model.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? model
            let query = version.map {
                "?version=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0)
            }
            guard
                let url = URL(
                    string:
                        "\(server.hasSuffix("/") ? String(server.dropLast()) : server)/v1/models/\(encodedModel)/reference"
                        + (query ?? ""))
            else { throw badInput("--server: \(server) is not a URL") }
            var request = URLRequest(url: url)
            request.httpMethod = "POST"
            let lower = file.lowercased()
            let type =
                lower.hasSuffix(".csv")
                ? "text/csv"
                : lower.hasSuffix(".ndjson") || lower.hasSuffix(".jsonl") ? "application/x-ndjson" : "application/json"
            request.setValue(type, forHTTPHeaderField: "Content-Type")
            request.httpBody = data
            let (body, response): (Data, URLResponse)
            do {
                (body, response) = try await URLSession.shared.data(for: request)
            } catch {
                throw badInput("cannot reach \(server): \(error.localizedDescription)")
            }
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            let text = String(decoding: body, as: UTF8.self)
            guard status == 201 else { throw badInput("the server refused the reference (\(status)): \(text)") }
            print(text)
        }
    }
}
