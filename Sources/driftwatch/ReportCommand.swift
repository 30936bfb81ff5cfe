import ArgumentParser
import Foundation

/// `driftwatch report`: fetches a model's report from a running server and writes it to a
/// file (or standard output): one self-contained HTML page, or the same content as JSON.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Write a model's report (drift, performance forecast, quality, latency, alerts, advice) from a server.",
        discussion: """
            Asks the server at --target for GET /v1/models/MODEL/report and writes the answer. The HTML \
            report is one file with inline styles and SVG charts: it opens offline and can be mailed. \
            --format json gives the same content as data. Without --from the window is the 7 days before \
            --to (default now); --window sets another length instead. Exit status 2 for invalid input, an \
            unknown model, or a server that cannot be reached.
            """
    )

    @Option(help: "The model to report on.")
    var model: String

    @Option(help: "Start of the window, RFC 3339 (e.g. 2026-11-01T00:00:00Z).")
    var from: String?

    @Option(help: "End of the window, RFC 3339 (default: now).")
    var to: String?

    @Option(help: "The window's length before --to, such as 24h or 30d, instead of --from.")
    var window: String?

    @Option(help: "Only this model version's traffic (drift, quality, latency).")
    var modelVersion: String?

    @Option(help: "Only this segment's traffic, as key:value (drift, quality, latency).")
    var segment: String?

    @Option(help: "The acceptance threshold of the headline metric (default: 10 % worse than its reference level).")
    var threshold: Double?

    @Option(help: "How far ahead the forecast looks, such as 14d (default: the window's length).")
    var horizon: String?

    @Option(help: "html or json.")
    var format = "html"

    @Option(help: "The server's base URL.")
    var target = "http://127.0.0.1:8000"

    @Option(name: [.short, .customLong("output")], help: "The file to write; - for standard output.")
    var output = "-"

    func run() async throws {
        let path = try requestPath()
        guard let client = SimulationClient(target: target) else {
            throw badInput("--target: \(target) is not an http:// or https:// URL")
        }
        let status: Int
        let body: Data
        do throws(SimulationClient.Failure) {
            (status, body) = try await client.get(path)
        } catch {
            throw badInput(error.description)
        }
        guard status == 200 else { throw badInput(refusal(status: status, body: body)) }
        if output == "-" {
            FileHandle.standardOutput.write(body)
            return
        }
        do {
            try body.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw badInput("-o: cannot write \(output): \(error.localizedDescription)")
        }
        FileHandle.standardError.write(Data("wrote the \(format) report of \(model) to \(output)\n".utf8))
    }

    /// The report's path and query, or exit status 2 naming the option that cannot be read.
    func requestPath() throws -> String {
        guard ["html", "json"].contains(format) else {
            throw badInput("--format must be html or json, got '\(format)'")
        }
        for (option, value) in [("--from", from), ("--to", to)] {
            guard let value else { continue }
            guard Self.parseTime(value) != nil else {
                throw badInput("\(option): '\(value)' is not an RFC 3339 time such as 2026-11-01T00:00:00Z")
            }
        }
        if from != nil, window != nil { throw badInput("--window: give either --from or --window, not both") }
        if let threshold, !threshold.isFinite { throw badInput("--threshold must be a finite number") }
        var query = [("format", format)]
        let optional: [(String, String?)] = [
            ("from", from), ("to", to), ("window", window), ("version", modelVersion), ("segment", segment),
            ("threshold", threshold.map { "\($0)" }), ("horizon", horizon),
        ]
        query += optional.compactMap { name, value in value.map { (name, $0) } }
        var components = URLComponents()
        components.path = "/v1/models/\(model)/report"
        components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) }
        // `+` in a time zone offset would read as a space on the server.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        guard let path = components.string else { throw badInput("--model: '\(model)' cannot be part of a URL path") }
        return path
    }

    /// The server's refusal as one line, naming the option when the server named the parameter.
    private func refusal(status: Int, body: Data) -> String {
        let answer = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        let message = answer?["error"] as? String ?? String(decoding: body, as: UTF8.self)
        if status == 404 { return "--model: \(message) on \(target)" }
        if let field = answer?["field"] as? String {
            let option = field == "version" ? "--model-version" : "--\(field)"
            return "\(option): \(message)"
        }
        return "the server answered \(status): \(message)"
    }

    /// `2026-11-01T10:00:00Z` or with fractional seconds, as the server reads times.
    static func parseTime(_ text: String) -> Date? {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
            ?? (try? Date.ISO8601FormatStyle().parse(text))
    }
}
