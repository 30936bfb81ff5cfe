/// Limits on what one request may carry; every one is configurable.
public struct IngestLimits: Sendable, Hashable {
    /// The largest request body, in bytes (larger bodies get 413).
    public var maxBodyBytes: Int
    /// The most features one event may have.
    public var maxFeatures: Int
    /// The longest string value (ids, categories, errors), in characters.
    public var maxStringLength: Int

    /// Creates limits; the defaults are 64 MiB bodies, 1,000 features and 4,096-character strings.
    public init(maxBodyBytes: Int = 64 << 20, maxFeatures: Int = 1000, maxStringLength: Int = 4096) {
        self.maxBodyBytes = maxBodyBytes
        self.maxFeatures = maxFeatures
        self.maxStringLength = maxStringLength
    }
}
