/// A detector that ``DriftDetectors`` can build from parsed `--param` values.
protocol ConfigurableDriftDetector: DriftDetector {
    /// Builds the detector, or names the parameter whose value conflicts with another.
    init(arguments: DetectorArguments) throws(DetectorConfigurationError)
}
