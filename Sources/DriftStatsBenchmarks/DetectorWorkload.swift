import DriftStats

/// Runs a detector over a stream and counts its drifts, through the detector's concrete type
/// so that the loop is specialized, as in code that names the type.
enum DetectorWorkload {
    /// A function that feeds a fresh detector called `name`, with the catalog's defaults
    /// (`DriftDetectors.make`), every value of a stream and returns the drifts it detected.
    static func make(_ name: String) throws -> ([Double]) -> Int {
        let detector = try DriftDetectors.make(name)
        switch detector {
        case let prototype as ADWIN: return { count(prototype, $0) }
        case let prototype as KSWIN: return { count(prototype, $0) }
        case let prototype as PageHinkley: return { count(prototype, $0) }
        case let prototype as CUSUM: return { count(prototype, $0) }
        case let prototype as DDM: return { count(prototype, $0) }
        case let prototype as EDDM: return { count(prototype, $0) }
        case let prototype as HDDMA: return { count(prototype, $0) }
        case let prototype as HDDMW: return { count(prototype, $0) }
        case let prototype as FHDDM: return { count(prototype, $0) }
        default: return { count(detector, $0) }  // opened existential: correct, unspecialized
        }
    }

    private static func count<Detector: DriftDetector>(_ prototype: Detector, _ values: [Double]) -> Int {
        var detector = prototype
        var drifts = 0
        for value in values {
            detector.update(value)
            if detector.driftDetected { drifts += 1 }
        }
        return drifts
    }
}
