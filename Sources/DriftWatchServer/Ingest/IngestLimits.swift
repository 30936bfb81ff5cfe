/// Limits on what one request may carry; every one is configurable.
public struct IngestLimits: Sendable, Hashable {
    /// The largest request body, in bytes (larger bodies get 413).
    public var maxBodyBytes: Int
    /// The most features one event may have.
    public var maxFeatures: Int
    /// The longest string value (ids, categories, errors), in characters.
    public var maxStringLength: Int
    /// The most events that may wait for their commit at once; beyond it requests get 429.
    public var maxPendingEvents: Int

    /// Creates limits; the defaults are 64 MiB bodies, 1,000 features, 4,096-character strings
    /// and 200,000 events waiting for their commit.
    public init(
        maxBodyBytes: Int = 64 << 20, maxFeatures: Int = 1000, maxStringLength: Int = 4096,
        maxPendingEvents: Int = 200_000
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.maxFeatures = maxFeatures
        self.maxStringLength = maxStringLength
        self.maxPendingEvents = maxPendingEvents
    }
}
