import DriftWatchCore
import Foundation

/// Decodes an inference row straight from its bytes into an ``InferenceEvent``, without the
/// ``JSONValue`` tree and its dictionaries: members are dispatched on their raw key bytes,
/// `features`, `segments` and `y_proba` are read into their final dictionaries, and the text of
/// `features` is kept as received.
///
/// Written by hand because this is the per-event cost of ingestion: parsing into the tree,
/// hashing every member into a dictionary and looking each field up again cost about twice as
/// much as reading the row once. `Codable`'s `JSONDecoder` would parse into its own tree too, and
/// cannot say which field of which row is wrong in the API's words.
///
/// Only the common, well-formed row is decoded here: anything that ``EventRowDecoding`` would
/// refuse, and the rare shapes this path does not handle (escapes in a top-level key, a repeated
/// member or key, a null segment, a string longer in bytes than the character limit), give nil,
/// and the caller decodes the row through the tree, which gives the exact event or rejection.
/// Scalars are read by the parser's own code, so strings and numbers are identical either way.
struct InferenceRowDecoder {
    let limits: IngestLimits
    let receivedAt: Date
    /// The features of the row being read, before they are hashed into a dictionary of the
    /// right size; kept between rows to reuse its storage.
    private var scratch: [(String, FeatureValue)] = []
    /// The feature names of the last row with features, to skip making and hashing them again.
    private var shape = FeatureShape()

    init(limits: IngestLimits, receivedAt: Date) {
        self.limits = limits
        self.receivedAt = receivedAt
    }

    /// The event in `row`, or nil when the tree path must decide.
    mutating func decode(_ row: UnsafeBufferPointer<UInt8>) -> InferenceEvent? {
        // The features object is at depth 2; with a lower limit the tree path refuses it.
        guard limits.maxDepth >= 2 else { return nil }
        do {
            return try read(row)
        } catch {
            return nil
        }
    }

    /// Members the decoder knows, as bits, to notice one given twice.
    private enum Member: Int {
        case modelID, modelVersion, requestID, ts, predictionNumber, predictionText, probabilities, latency
        case features, segments, error

        init?(_ key: UnsafeBufferPointer<UInt8>) {
            typealias F = TypedRowFields
            if F.matches(key, "features") {
                self = .features
            } else if F.matches(key, "model_id") {
                self = .modelID
            } else if F.matches(key, "request_id") {
                self = .requestID
            } else if F.matches(key, "ts") {
                self = .ts
            } else if F.matches(key, "y_pred_num") {
                self = .predictionNumber
            } else if F.matches(key, "latency_ms") {
                self = .latency
            } else if F.matches(key, "segments") {
                self = .segments
            } else if F.matches(key, "model_version") {
                self = .modelVersion
            } else if F.matches(key, "y_pred_text") {
                self = .predictionText
            } else if F.matches(key, "y_proba") {
                self = .probabilities
            } else if F.matches(key, "error") {
                self = .error
            } else {
                return nil
            }
        }
    }

    private mutating func read(_ row: UnsafeBufferPointer<UInt8>) throws -> InferenceEvent {
        typealias F = TypedRowFields
        var scanner = JSONScanner(bytes: row, maxDepth: limits.maxDepth)
        var modelID: JSONValue?
        var modelVersion: String?
        var requestID: String?
        var timestamp = receivedAt
        var predictionNumber: Double?
        var predictionText: String?
        var probabilities: [String: Double] = [:]
        var latency: Double?
        var features: [String: FeatureValue] = [:]
        var featuresJSON: String?
        var segments: [String: String] = [:]
        var error: String?
        try F.readRow(&scanner, member: Member.init) { member, scanner in
            switch member {
            case .features:
                let start = scanner.position
                if let read = try readFeatures(&scanner) {
                    features = read.values
                    if read.verbatim {
                        featuresJSON = String(
                            decoding: UnsafeBufferPointer(rebasing: row[start..<scanner.position]), as: UTF8.self)
                    }
                }
            case .modelID: modelID = try F.scalar(&scanner, depth: 1)
            case .modelVersion: modelVersion = try F.text(F.scalar(&scanner, depth: 1), id: false, limits: limits)
            case .requestID: requestID = try F.text(F.scalar(&scanner, depth: 1), id: true, limits: limits)
            case .ts: timestamp = try F.timestamp(F.scalar(&scanner, depth: 1), receivedAt: receivedAt)
            case .predictionNumber: predictionNumber = try F.number(F.scalar(&scanner, depth: 1))
            case .predictionText: predictionText = try F.text(F.scalar(&scanner, depth: 1), id: false, limits: limits)
            case .probabilities:
                // As ``EventFields/probabilities(_:)``.
                probabilities = try F.readMap(&scanner) { value in
                    guard case .number(let p) = value, p >= 0, p <= 1 else { throw F.Unusual() }
                    return p
                }
            case .latency:
                latency = try F.number(F.scalar(&scanner, depth: 1))
                if let latency, !(latency >= 0) { throw F.Unusual() }
            case .segments:
                // As ``EventFields/stringMap(_:)``. A null is skipped by the tree path after
                // repeated keys are resolved; rare enough to leave to it.
                segments = try F.readMap(&scanner) { value in
                    switch value {
                    case .string(let text) where text.utf8.count <= limits.maxStringLength: return text
                    case .number(let number) where number.isFinite: return FeatureValue.label(number)
                    case .bool(let flag): return flag ? "true" : "false"
                    default: throw F.Unusual()
                    }
                }
            case .error: error = try F.text(F.scalar(&scanner, depth: 1), id: false, limits: limits)
            }
        }
        return InferenceEvent(
            modelID: try F.requiredText(modelID, limits: limits), modelVersion: modelVersion,
            requestID: requestID ?? UUID().uuidString.lowercased(), timestamp: timestamp,
            predictionNumber: predictionNumber, predictionText: predictionText, probabilities: probabilities,
            latencyMilliseconds: latency, features: features, segments: segments, error: error,
            featuresJSON: featuresJSON)
    }

    /// As ``EventFields/features(_:)``; nil for `null`.
    private mutating func readFeatures(_ scanner: inout JSONScanner) throws -> (
        values: [String: FeatureValue], verbatim: Bool
    )? {
        typealias F = TypedRowFields
        guard scanner.enterObject() else {
            guard case .null = try F.scalar(&scanner, depth: 1) else { throw F.Unusual() }
            return nil
        }
        scratch.removeAll(keepingCapacity: true)
        var verbatim = true
        var first = true
        // Whether every name so far is the last row's, in its place (a name with escapes never is).
        var sameShape = true
        while let name = try scanner.nextKeyBytes(first: first) {
            first = false
            guard scratch.count < limits.maxFeatures else { throw F.Unusual() }
            let key = shape.name(name, at: scratch.count, sameShape: &sameShape)
            switch try F.scalar(&scanner, depth: 2) {
            case .number(let number):
                if number.isFinite {
                    scratch.append((key, .number(number)))
                } else {
                    scratch.append((key, .missing))
                    verbatim = false
                }
            case .string(let text):
                if Self.isNonFiniteSpelling(text) {
                    scratch.append((key, .missing))
                    verbatim = false
                } else {
                    guard text.utf8.count <= limits.maxStringLength else { throw F.Unusual() }
                    scratch.append((key, .text(text)))
                }
            case .bool(let flag):
                scratch.append((key, .text(flag ? "true" : "false")))
                verbatim = false
            case .null: scratch.append((key, .missing))
            case .array, .object: throw F.Unusual()
            }
        }
        let (values, repeatedName) = shape.dictionary(scratch, sameShape: sameShape)
        guard !repeatedName else { throw F.Unusual() }
        return (values, verbatim)
    }

    /// The spellings of NaN and ±∞ that are missing values inside `features`, as
    /// ``EventFields/features(_:)`` lists them, without hashing every category.
    private static func isNonFiniteSpelling(_ text: String) -> Bool {
        switch text.utf8.count {
        case 3, 4, 8, 9: return EventFields.nonFiniteSpellings.contains(text)
        default: return false
        }
    }
}
