import DriftWatchCore
import DriftWatchSimulation
import Foundation

extension FireDrillMonitor {
    /// One stored round of this monitor as a fire-drill observation at its window's end.
    ///
    /// - Parameter details: the result's details, whose `drift` verdict the per-feature rule reads.
    public func observation(windowEnd: Date, value: Double?, details: [String: Any]) -> MonitorObservation {
        MonitorObservation(time: windowEnd, monitor: name, fired: fires(value: value, drift: details["drift"] as? Bool))
    }

    /// This monitor's rounds stored for `modelID` with window ends in `[from, to)`.
    func observations(in store: any EventStore, modelID: String, from: Date, to: Date) async throws
        -> [MonitorObservation]
    {
        let results = try await store.results(modelID: modelID, metric: metric, feature: feature, from: from, to: to)
        return results.map { result in
            let verdict: Bool? =
                if case .object(let details) = try? JSONParser.parse(result.details),
                    case .bool(let drift)? =
                        details["drift"]
                {
                    drift
                } else {
                    nil
                }
            return MonitorObservation(
                time: result.windowEnd, monitor: name, fired: fires(value: result.value, drift: verdict))
        }
    }
}
