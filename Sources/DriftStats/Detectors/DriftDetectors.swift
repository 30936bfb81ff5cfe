/// The catalog of streaming drift detectors: builds one from its name and `--param` strings.
public enum DriftDetectors {
    /// Every detector type, in listing order; read `name`, `parameters` and `hasWarnings` from each.
    public static let all: [any DriftDetector.Type] = configurable

    /// The stable names, in listing order.
    public static var names: [String] { all.map { $0.name } }

    /// The detector type called `name`, if any.
    public static func type(named name: String) -> (any DriftDetector.Type)? {
        all.first { $0.name == name }
    }

    /// Builds the detector called `name`, with `parameters` given by River's keyword names
    /// (`delta`, `grace_period`, …) as the strings of `--param NAME=VALUE`; every parameter not
    /// given takes its default.
    public static func make(
        _ name: String, parameters: [String: String] = [:]
    ) throws(DetectorConfigurationError) -> any DriftDetector {
        guard let type = configurable.first(where: { $0.name == name }) else {
            throw .unknownDetector(name, known: names)
        }
        let arguments = try DetectorArguments(detector: name, parameters: type.parameters, given: parameters)
        return try type.init(arguments: arguments)
    }

    private static let configurable: [any ConfigurableDriftDetector.Type] = [
        ADWIN.self, KSWIN.self, PageHinkley.self, DDM.self, EDDM.self, HDDMA.self, HDDMW.self, FHDDM.self,
        CUSUM.self,
    ]
}
