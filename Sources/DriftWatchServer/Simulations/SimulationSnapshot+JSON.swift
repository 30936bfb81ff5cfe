import DriftWatchCore
import Foundation

extension SimulationSnapshot {
    /// The simulation as the API answers it; `fireDrill` adds the fire-drill report.
    func json(fireDrill: FireDrillScore? = nil) -> [String: Any] {
        var object: [String: Any] = [
            "id": id,
            "state": state.rawValue,
            "model_id": modelID,
            "scenario": Self.encoded(request.scenario),
            "rate": request.rate,
            "duration_seconds": request.durationSeconds,
            "seed": Int(request.seed),
            "time_scale": request.timeScale,
            "created_at": Timestamps.format(createdAt),
            "traffic_start": Timestamps.format(trafficStart),
            "traffic_end": Timestamps.format(trafficEnd),
            "events_sent": progress.eventsSent,
            "labels_sent": progress.labelsSent,
            "labels_pending": progress.labelsPending,
            "fault": Self.encoded(fault),
        ]
        object["simulated_time"] = progress.simulatedTime.map(Timestamps.format) ?? NSNull()
        object["ended_at"] = progress.endedAt.map(Timestamps.format) ?? NSNull()
        object["error"] = progress.error ?? NSNull()
        if let fireDrill { object["fire_drill"] = fireDrill.json }
        return object
    }

    /// A value's own JSON encoding (snake_case keys, RFC 3339 times), placed in an answer as it is.
    static func encoded<Value: Encodable>(_ value: Value) -> JSONText {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamps.format(date))
        }
        guard let data = try? encoder.encode(value) else { return JSONText(text: "null") }
        return JSONText(text: String(decoding: data, as: UTF8.self))
    }
}
