import DriftWatchCore
import DriftWatchServer
import DriftWatchSimulation
import Foundation

/// What `driftwatch simulate` asks of the server besides ingestion: the demo model declared
/// with its reference before the traffic, and the monitors' stored results after it.
struct SimulationSetup: Sendable {
    let client: SimulationClient
    let model: DemoModel

    /// Rows of the reference dataset uploaded for a model that has none.
    static let referenceRows = 5_000

    /// Declares the model when the server does not know it, and uploads its reference dataset
    /// when it has none.
    func prepare() async throws(SimulationClient.Failure) {
        let id = model.id
        if try await client.get("/v1/models/\(id)").status == 404 {
            var writer = JSONWriter()
            writer.value(
                .object([
                    "id": .string(id), "task": .string(model.task.rawValue),
                    "features": .object(model.schema.features.mapValues { .string($0.rawValue) }),
                    "segments": .array(model.segmentKeys.map { .string($0) }),
                    "description": .string(model.kind.summary),
                ]))
            try await expect([200, 201], "/v1/models", Data(writer.bytes), contentType: "application/json")
            emit("Declared the model \(id) on the server.")
        }
        if try await client.get("/v1/models/\(id)/reference").status == 404 {
            let csv = Data(model.referenceCSV(count: Self.referenceRows).utf8)
            try await expect([201], "/v1/models/\(id)/reference", csv, contentType: "text/csv")
            emit("Uploaded a reference dataset of \(Self.referenceRows) rows for \(id).")
        }
    }

    /// The rounds of `monitors` the server stored with window ends in `[from, to)`.
    func observations(of monitors: [FireDrillMonitor], from: Date, to: Date) async throws(SimulationClient.Failure)
        -> [MonitorObservation]
    {
        let format = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        var observations: [MonitorObservation] = []
        for monitor in monitors {
            let feature = monitor.feature.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let path =
                "/v1/models/\(model.id)/timeseries?metric=\(monitor.metric)&feature=\(feature)"
                + "&from=\(format.format(from))&to=\(format.format(to))"
            let points = try await client.object(path)["points"] as? [[String: Any]] ?? []
            for point in points {
                guard let end = (point["window_end"] as? String).flatMap({ try? format.parse($0) }) else { continue }
                observations.append(
                    monitor.observation(
                        windowEnd: end, value: point["value"] as? Double,
                        details: point["details"] as? [String: Any] ?? [:]))
            }
        }
        return observations
    }

    private func expect(_ statuses: Set<Int>, _ path: String, _ body: Data, contentType: String)
        async throws(SimulationClient.Failure)
    {
        let (status, answer) = try await client.post(path, body, contentType: contentType)
        guard statuses.contains(status) else {
            throw .refused(path: path, status: status, body: String(decoding: answer, as: UTF8.self))
        }
    }
}
