import DriftWatchCore
import Foundation
import Testing

@testable import DriftWatchServer

/// The typed row decoders (``InferenceRowDecoder``, ``LabelRowDecoder``) against the tree path
/// (``JSONParser`` + ``EventRowDecoding``): over a corpus of good rows, bad rows and edge
/// cases, what ingestion makes of a row (the typed result, or the tree's when the typed path
/// declines) equals what the tree path alone makes of it, event or rejection, to the bit.
@Suite struct TypedRowDecodingTests {
    static let receivedAt = Date(timeIntervalSince1970: 1_790_000_000.25)
    static let tight = IngestLimits(maxDepth: 2, maxFeatures: 3, maxStringLength: 8)
    static let limitSets = [IngestLimits(), tight, IngestLimits(maxDepth: 1)]

    // MARK: - Inferences

    /// Rows the typed path must decode itself (with the default limits).
    static let goodInferences: [String] = [
        #"{"model_id":"bench","model_version":"v1","request_id":"t1-42","ts":"2026-11-22T10:00:00.123Z","y_pred_num":0.7312,"latency_ms":12.53,"features":{"f0":1.2345,"f1":-0.5012,"f2":0,"f3":-0,"f4":1E+2,"f5":2e-5,"f6":0.1},"segments":{"region":"eu","tier":"gold"}}"#,
        #"{"model_id":"bench","model_version":"v1","request_id":"t2-7","y_pred_num":0.1,"latency_ms":3.25,"features":{"f0":-1.5,"f1":2},"segments":{"region":"us","tier":"silver"}}"#,
        #"{"model_id":42,"request_id":7.5,"features":{"a":1}}"#,
        #"{"model_id":"m","request_id":"r","ts":1700000000.5,"y_pred_text":"cat","y_proba":{"cat":0.25,"dog":0.75,"z":0,"o":1},"error":"timeout"}"#,
        #"{"model_id":"m","request_id":"r","ts":null,"y_pred_num":null,"latency_ms":-0,"features":null,"segments":null,"y_proba":null}"#,
        #"{"model_id":"m","request_id":"r","features":{}}"#,
        #"{"model_id":"m","request_id":"r","features":{"n":"NaN","i":"-Infinity","j":"inf","k":"nan","l":"Infinity","m":"-inf","big":1e400,"neg":-1e400}}"#,
        #"{"model_id":"m","request_id":"r","features":{"b":true,"c":false,"z":null,"s":"caf\u00e9","t":"日本","e":"😀"}}"#,
        #"{"model_id":"m","request_id":"r","features":{"x":123456789012345678901234567890,"y":1.7976931348623157e308,"z":4.9e-324,"w":0.30000000000000004,"v":-12.5e-3}}"#,
        #"{"model_id":"m","request_id":"r","features":{"q":"a\"b\\c\/d\n\t\u0001\ud83d\ude00"},"segments":{"é":"ü","n":3,"f":2.5,"b":true}}"#,
        #"{"model_id":"m","request_id":"r","extra":{"a":[1,2,{"b":null}],"c":"\u00e9"},"tags":[],"flag":false,"features":{"a":1}}"#,
        "{\n\t\"model_id\" : \"m\" ,\r\n  \"request_id\":\"r\",\"features\" : { \"a\" : 1 , \"b\" : \"x\" } ,\"segments\":{ }\n}\n",
        #"  {"request_id":"r","model_id":"m","features":{"a":1}}  "#,
        #"{"model_id":"m","request_id":"1e3","features":{"a":1},"ts":"2026-11-22T10:00:00Z"}"#,
        #"{"model_id":"m","request_id":12345678901234567890,"y_pred_num":-0.0,"features":{"\u00e9":1}}"#,
    ]

    /// Rows the typed path may hand to the tree path: refused rows and rare shapes.
    static let otherInferences: [String] = [
        #"{"model_id":"a","model_id":"b","request_id":"r"}"#,
        #"{"model_id":"m","request_id":"r","features":{"x":"NaN","x":1}}"#,
        #"{"model_id":"m","request_id":"r","features":{"x":1,"x":"NaN"}}"#,
        #"{"model_id":"m","request_id":"r","features":{"a":1},"features":{"b":2}}"#,
        #"{"model_id":"m","request_id":"r","segments":{"r":"eu","r":null}}"#,
        #"{"model_id":"m","request_id":"r","segments":{"r":null}}"#,
        #"{"model_id":"m","request_id":"r","y_proba":{"a":0.5,"a":0.2}}"#,
        #"{"model\u005fid":"m","request_id":"r"}"#,
        #"{"model_id":"m","request_id":"r","features":{"n":{"deep":1}}}"#,
        #"{"model_id":"m","request_id":"r","features":{"n":[1]}}"#,
        #"{"model_id":"m","request_id":"r","features":"NaN"}"#,
        #"[1,2]"#, #""str""#, "42", "null", "",
        #"{"model_id":"m","request_id":"r""#, #"{"model_id":"m",}"#, #"{"model_id" "m"}"#,
        #"{"model_id":"m"} x"#, "{\"model_id\":\"m\u{1}\"}", #"{"model_id":"m","features":{"a":1,}}"#,
        #"{"request_id":"r"}"#, #"{"model_id":"","request_id":"r"}"#, #"{"model_id":null}"#,
        #"{"model_id":true}"#, #"{"model_id":1e400}"#, #"{"model_id":"m","request_id":{}}"#,
        #"{"model_id":"m","model_version":3}"#, #"{"model_id":"m","error":false}"#,
        #"{"model_id":"m","ts":"yesterday"}"#, #"{"model_id":"m","ts":1e999}"#, #"{"model_id":"m","ts":true}"#,
        #"{"model_id":"m","y_pred_num":"1"}"#, #"{"model_id":"m","y_pred_num":-1e999}"#,
        #"{"model_id":"m","latency_ms":-1}"#, #"{"model_id":"m","latency_ms":"5"}"#,
        #"{"model_id":"m","y_proba":{"a":1.5}}"#, #"{"model_id":"m","y_proba":{"a":"0.5"}}"#,
        #"{"model_id":"m","y_proba":[0.5]}"#, #"{"model_id":"m","y_proba":{"a":-0.1}}"#,
        #"{"model_id":"m","segments":{"a":[1]}}"#, #"{"model_id":"m","segments":"eu"}"#,
        #"{"model_id":"m","segments":{"a":1e999}}"#,
        #"{"model_id":"m","request_id":"r","segments":{"a":"0123456789"}}"#,
        #"{"model_id":"m","request_id":"r","features":{"a":1,"b":2,"c":3,"d":4}}"#,
        #"{"model_id":"m","request_id":"r","features":{"a":1,"b":2,"c":3,"a":4}}"#,
        #"{"model_id":"m","request_id":"r","features":{"s":"0123456789"}}"#,
        #"{"model_id":"m","request_id":"r","model_version":"ééééé"}"#,
        #"{"model_id":"m","request_id":"r","model_version":"0123456789"}"#,
        #"{"model_id":"m","request_id":"r","x":{"a":{"b":1}}}"#,
        #"{"model_id":"m","request_id":"r","x":[[1]]}"#,
        #"{"model_id":"m","request_id":"r","features":{"a":1},"x":[1]}"#,
        #"{"model_id":"m","request_id":"r","features":{"a":01}}"#,
        #"{"model_id":"m","request_id":"r","features":{"a":1.}}"#,
        #"{"model_id":"m","request_id":"r","features":{"a":"\x"}}"#,
        #"{"model_id":"m","request_id":"r","features":{"a":"\ud800"}}"#,
        #"{"model_id":"m","request_id":"r","features":{"a":nul}}"#,
        #"{"model_id":"m","request_id":"r","features":{1:2}}"#,
        #"{"model_id":"m","request_id":"r","features":{"a":1 "b":2}}"#,
    ]

    @Test func goodInferenceRowsAreDecodedByTheTypedPath() {
        for text in Self.goodInferences {
            let typed = Self.typedInference(Array(text.utf8), limits: IngestLimits())
            #expect(typed != nil, "\(text)")
        }
    }

    @Test(arguments: 0..<3)
    func ingestionDecodesEveryInferenceRowAsTheTreeDoes(limitSet: Int) {
        let limits = Self.limitSets[limitSet]
        for text in Self.goodInferences + Self.otherInferences {
            let bytes = Array(text.utf8)
            let tree = Self.treeInference(bytes, limits: limits)
            let typed = Self.typedInference(bytes, limits: limits)
            let ingested = typed.map { Outcome.event(Self.fingerprint($0)) } ?? tree
            #expect(ingested == tree, "\(text)")
        }
    }

    @Test func invalidUTF8IsRefusedAsTheTreeRefusesIt() {
        let prefix = Array(#"{"model_id":"m","request_id":"r","features":{"#.utf8)
        for bytes in [
            prefix + Array(#""a":"\#u{1}"}}"#.utf8), prefix + [0x22, 0xFF, 0x22] + Array(":1}}".utf8),
            prefix + Array(#""a":""#.utf8) + [0xC3, 0x28] + Array(#""}}"#.utf8),
            Array(#"{"mod"#.utf8) + [0xE9] + Array(#"l_id":"m"}"#.utf8),
        ] {
            #expect(Self.typedInference(bytes, limits: IngestLimits()) == nil)
            guard case .rejected(let error) = Self.treeInference(bytes, limits: IngestLimits()) else {
                Issue.record("the tree accepted \(bytes)")
                continue
            }
            #expect(error.hasPrefix("not valid JSON"))
        }
    }

    /// Random well-formed rows, with numbers in every JSON shape, agree with the tree path and
    /// are decoded by the typed path.
    @Test func randomInferenceRowsAgreeWithTheTreeToTheBit() {
        var generator = SplitMixGenerator(seed: 42)
        for _ in 0..<500 {
            let text = Self.randomRow(&generator)
            let bytes = Array(text.utf8)
            let typed = Self.typedInference(bytes, limits: IngestLimits())
            #expect(
                typed.map { Outcome.event(Self.fingerprint($0)) } == Self.treeInference(bytes, limits: IngestLimits()),
                "\(text)")
        }
    }

    /// Good rows with a few bytes replaced, inserted or deleted (quotes, brackets, escapes,
    /// digits, signs, bytes of multi-byte characters...): whatever the typed path makes of them
    /// agrees with the tree path.
    @Test(arguments: 0..<3)
    func mutatedRowsAgreeWithTheTree(limitSet: Int) {
        let limits = Self.limitSets[limitSet]
        var generator = SplitMixGenerator(seed: UInt64(limitSet) &+ 7)
        var typedDecoded = 0
        for round in 0..<3_000 {
            let bytes = Self.mutated(Self.goodInferences[round % Self.goodInferences.count], &generator)
            // A mutation may remove the request id: the generated ones differ between the paths.
            let tree = Self.treeInference(bytes, limits: limits).maskingGeneratedIDs
            let typed = Self.typedInference(bytes, limits: limits)
            if typed != nil { typedDecoded += 1 }
            #expect(
                typed.map { Outcome.event(Self.fingerprint($0)).maskingGeneratedIDs } ?? tree == tree,
                "\(String(decoding: bytes, as: UTF8.self))")
        }
        // The mutations leave many rows well formed, and those take the typed path, except when
        // the nesting limit refuses the features object, which the tree path then reports.
        #expect(limits.maxDepth >= 2 ? typedDecoded > 0 : typedDecoded == 0)
    }

    /// `text` with one to three bytes replaced, inserted or deleted, drawn from JSON's
    /// structural characters, escapes, digits, letters of the literals and bytes of multi-byte
    /// characters.
    static func mutated(_ text: String, _ generator: inout SplitMixGenerator) -> [UInt8] {
        let alphabet = Array(#"{}[]":,\"e.-+0159 nultrfa"#.utf8) + [0xC3, 0xA9, 0xFF, 0x00, 0x0A]
        var bytes = Array(text.utf8)
        for _ in 0..<Int.random(in: 1...3, using: &generator) where !bytes.isEmpty {
            let at = Int.random(in: 0..<bytes.count, using: &generator)
            let byte = alphabet.randomElement(using: &generator)!
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: bytes[at] = byte
            case 1: bytes.insert(byte, at: at)
            default: bytes.remove(at: at)
            }
        }
        return bytes
    }

    @Test func theDecoderKeepsNoFeaturesFromOneRowInTheNext() {
        var decoder = InferenceRowDecoder(limits: IngestLimits(), receivedAt: Self.receivedAt)
        let rows = [
            #"{"model_id":"m","request_id":"1","features":{"a":1,"b":2,"c":3}}"#,
            #"{"model_id":"m","request_id":"2","features":{"d":4}}"#,
        ]
        let events = rows.map { text in Array(text.utf8).withUnsafeBufferPointer { decoder.decode($0) } }
        #expect(events.map { $0?.features.keys.sorted() } == [["a", "b", "c"], ["d"]])
    }

    /// Rows whose feature names repeat the previous row's, in part, in another order, or with
    /// one name changed, for a decoder that reuses the previous row's names.
    static let featureShapes: [String] = [
        #"{"model_id":"m","request_id":"r","features":{"a":1,"b":2,"c":3}}"#,
        #"{"model_id":"m","request_id":"r","features":{"a":-1.5,"b":"x","c":null}}"#,
        #"{"model_id":"m","request_id":"r","features":{"a":1,"b":2}}"#,
        #"{"model_id":"m","request_id":"r","features":{"a":1,"b":2,"c":3,"d":4}}"#,
        #"{"model_id":"m","request_id":"r","features":{"b":1,"a":2,"c":3}}"#,
        #"{"model_id":"m","request_id":"r","features":{"a":1,"bb":2,"c":3}}"#,
        #"{"model_id":"m","request_id":"r","features":{"a":1,"x":2,"c":3}}"#,
        #"{"model_id":"m","request_id":"r","features":{"a":1,"b":2,"b":3}}"#,
        #"{"model_id":"m","request_id":"r","features":{"a":"NaN","b":1e400,"c":true}}"#,
        #"{"model_id":"m","request_id":"r","features":{"\u0061":1,"b":2,"c":3}}"#,
        #"{"model_id":"m","request_id":"r","features":{"é":1,"b":2,"c":3}}"#,
        #"{"model_id":"m","request_id":"r","features":{}}"#,
    ]

    @Test func aDecoderReadingManyRowsDecodesEachAsAFreshDecoderDoes() {
        var generator = SplitMixGenerator(seed: 29)
        var shared = InferenceRowDecoder(limits: IngestLimits(), receivedAt: Self.receivedAt)
        let pool = Self.featureShapes + Self.goodInferences + Self.otherInferences
        var decodedWithFeatures = 0
        for round in 0..<4_000 {
            let text = pool.randomElement(using: &generator)!
            // Runs of one row, as a batch from one service is, and now and then a mutated one.
            let bytes = round % 7 == 6 ? Self.mutated(text, &generator) : Array(text.utf8)
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let fromShared = bytes.withUnsafeBufferPointer { shared.decode($0) }
                let fresh = Self.typedInference(bytes, limits: IngestLimits())
                // Rows without a request id get a new one each time.
                #expect(
                    fromShared.map { Outcome.event(Self.fingerprint($0)).maskingGeneratedIDs }
                        == fresh.map { Outcome.event(Self.fingerprint($0)).maskingGeneratedIDs },
                    "\(String(decoding: bytes, as: UTF8.self))")
                if fromShared?.features.isEmpty == false { decodedWithFeatures += 1 }
            }
        }
        #expect(decodedWithFeatures > 1_000)
    }

    // MARK: - Labels

    static let goodLabels: [String] = [
        #"{"model_id":"m","request_id":"r","y_true_num":1}"#,
        #"{"model_id":7,"request_id":8.25,"y_true_text":"cat","ts":"2026-11-22T10:00:00.5Z"}"#,
        #"{"model_id":"m","request_id":"r","y_true_num":-0,"y_true_text":null,"ts":1700000000,"x":{"a":[1]}}"#,
        " {\"request_id\" : \"r\", \"model_id\":\"m\",\n\"y_true_text\":\"caf\\u00e9\"} ",
    ]

    static let otherLabels: [String] = [
        #"{"model_id":"m","request_id":"r"}"#, #"{"model_id":"m","y_true_num":1}"#,
        #"{"request_id":"r","y_true_num":1}"#, #"{"model_id":"m","request_id":"","y_true_num":1}"#,
        #"{"model_id":"m","request_id":"r","y_true_num":1,"y_true_num":null}"#,
        #"{"model_id":"m","request_id":"r","y_true_num":null,"y_true_num":2}"#,
        #"{"model_id":"m","request_id":"r","y_true_num":"1"}"#, #"{"model_id":"m","request_id":"r","y_true_text":1}"#,
        #"{"model_id":"m","request_id":"r","y_true_num":1e999}"#, #"{"model_id":"m","request_id":"r","y_true_num":1"#,
        #"{"model_id":"m","request_id":"r","y_true_num":1,"ts":"soon"}"#, #"[{"model_id":"m"}]"#,
        #"{"model_id":"m","request_id":"r","y_true_text":"0123456789"}"#,
        #"{"model_id":"m","request_id":"r","y_true_num":1,"x":{"a":{"b":1}}}"#,
    ]

    @Test func goodLabelRowsAreDecodedByTheTypedPath() {
        for text in Self.goodLabels {
            #expect(Self.typedLabel(Array(text.utf8), limits: IngestLimits()) != nil, "\(text)")
        }
    }

    @Test(arguments: 0..<3)
    func ingestionDecodesEveryLabelRowAsTheTreeDoes(limitSet: Int) {
        let limits = Self.limitSets[limitSet]
        for text in Self.goodLabels + Self.otherLabels {
            let bytes = Array(text.utf8)
            let tree = Self.treeLabel(bytes, limits: limits)
            let typed = Self.typedLabel(bytes, limits: limits).map { Outcome.event(Self.fingerprint($0)) }
            #expect((typed ?? tree) == tree, "\(text)")
        }
    }

    @Test(arguments: 0..<3)
    func mutatedLabelRowsAgreeWithTheTree(limitSet: Int) {
        let limits = Self.limitSets[limitSet]
        var generator = SplitMixGenerator(seed: UInt64(limitSet) &+ 11)
        var typedDecoded = 0
        for round in 0..<2_000 {
            let bytes = Self.mutated(Self.goodLabels[round % Self.goodLabels.count], &generator)
            let tree = Self.treeLabel(bytes, limits: limits)
            let typed = Self.typedLabel(bytes, limits: limits)
            if typed != nil { typedDecoded += 1 }
            #expect(
                typed.map { Outcome.event(Self.fingerprint($0)) } ?? tree == tree,
                "\(String(decoding: bytes, as: UTF8.self))")
        }
        #expect(typedDecoded > 0)
    }

    // MARK: - Helpers

    /// A decoded row, with every number as its bit pattern (so that -0 differs from 0), or why
    /// it was refused.
    enum Outcome: Equatable {
        case event(String)
        case rejected(String)

        /// With every generated request id (a lowercase UUID) replaced by the same text.
        var maskingGeneratedIDs: Outcome {
            guard case .event(let text) = self else { return self }
            return .event(
                text.replacing(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, with: "<generated>"))
        }
    }

    static func typedInference(_ bytes: [UInt8], limits: IngestLimits) -> InferenceEvent? {
        var decoder = InferenceRowDecoder(limits: limits, receivedAt: receivedAt)
        return bytes.withUnsafeBufferPointer { decoder.decode($0) }
    }

    static func typedLabel(_ bytes: [UInt8], limits: IngestLimits) -> LabelEvent? {
        bytes.withUnsafeBufferPointer { LabelRowDecoder(limits: limits, receivedAt: receivedAt).decode($0) }
    }

    /// What the tree path makes of a row, as ``IngestBodyReader`` runs it.
    static func treeInference(_ bytes: [UInt8], limits: IngestLimits) -> Outcome {
        bytes.withUnsafeBufferPointer { buffer in
            do {
                let (value, range) = try JSONParser.parse(buffer, capturing: "features", maxDepth: limits.maxDepth)
                let text = range.map { String(decoding: UnsafeBufferPointer(rebasing: buffer[$0]), as: UTF8.self) }
                let event = try EventRowDecoding.inference(
                    value, index: 3, limits: limits, receivedAt: receivedAt, featuresText: text)
                return .event(fingerprint(event))
            } catch let error as JSONSyntaxError {
                return .rejected("not valid JSON: \(error)")
            } catch let error as RejectedRow {
                return .rejected("\(error.field): \(error.error)")
            } catch {
                return .rejected("\(error)")
            }
        }
    }

    static func treeLabel(_ bytes: [UInt8], limits: IngestLimits) -> Outcome {
        bytes.withUnsafeBufferPointer { buffer in
            do {
                let value = try JSONParser.parse(buffer, maxDepth: limits.maxDepth)
                return .event(
                    fingerprint(try EventRowDecoding.label(value, index: 3, limits: limits, receivedAt: receivedAt)))
            } catch let error as JSONSyntaxError {
                return .rejected("not valid JSON: \(error)")
            } catch let error as RejectedRow {
                return .rejected("\(error.field): \(error.error)")
            } catch {
                return .rejected("\(error)")
            }
        }
    }

    static func bits(_ number: Double?) -> String { number.map { String($0.bitPattern, radix: 16) } ?? "nil" }

    static func fingerprint(_ event: InferenceEvent) -> String {
        let features = event.features.sorted { $0.key < $1.key }.map { name, value in
            switch value {
            case .number(let number): "\(name)=n\(bits(number))"
            case .text(let text): "\(name)=t\(text.debugDescription)"
            case .missing: "\(name)=missing"
            }
        }
        let probabilities = event.probabilities.sorted { $0.key < $1.key }.map { "\($0.key)=\(bits($0.value))" }
        let segments = event.segments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.debugDescription)" }
        return [
            event.modelID.debugDescription, String(describing: event.modelVersion?.debugDescription),
            event.requestID.debugDescription, bits(event.timestamp.timeIntervalSince1970),
            bits(event.predictionNumber), String(describing: event.predictionText?.debugDescription),
            bits(event.latencyMilliseconds), String(describing: event.error?.debugDescription),
            features.joined(separator: ","), probabilities.joined(separator: ","), segments.joined(separator: ","),
            String(describing: event.featuresJSON?.debugDescription), "\(event.schemaViolations)",
        ].joined(separator: " | ")
    }

    static func fingerprint(_ label: LabelEvent) -> String {
        [
            label.modelID.debugDescription, label.requestID.debugDescription,
            bits(label.timestamp.timeIntervalSince1970), bits(label.truthNumber),
            String(describing: label.truthText?.debugDescription),
        ].joined(separator: " | ")
    }

    /// A well-formed row with random features: numbers in every JSON shape (signs, leading
    /// zeros of fractions, exponents, many digits), categories with and without escapes, nulls.
    static func randomRow(_ generator: inout SplitMixGenerator) -> String {
        var features: [String] = []
        for index in 0..<Int.random(in: 0...25, using: &generator) {
            let value: String
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: value = "null"
            case 1: value = #""c\#(Int.random(in: 0..<5, using: &generator))""#
            case 2: value = #""\u00e9\\t\#(index)""#
            case 3: value = String(Int.random(in: -1_000_000...1_000_000, using: &generator))
            case 4: value = "\(Double.random(in: -1e6...1e6, using: &generator))"
            case 5:
                let mantissa = String(
                    (0..<Int.random(in: 1...25, using: &generator)).map { _ in
                        Character(String(Int.random(in: 0...9, using: &generator)))
                    })
                value = "\(Bool.random(using: &generator) ? "-" : "")0.\(mantissa)"
            case 6:
                value =
                    "\(Int.random(in: 1...9, using: &generator)).\(Int.random(in: 0...99999, using: &generator))"
                    + "e\(["", "+", "-"].randomElement(using: &generator)!)\(Int.random(in: 0...330, using: &generator))"
            case 7:
                value = String(
                    (0..<Int.random(in: 1...30, using: &generator)).map { _ in
                        Character(String(Int.random(in: 1...9, using: &generator)))
                    })
            case 8:
                value = "\(Double.random(in: 0...1, using: &generator))E\(Int.random(in: -20...20, using: &generator))"
            default: value = "-0\(Bool.random(using: &generator) ? ".0" : "")"
            }
            features.append(#""f\#(index)":\#(value)"#)
        }
        return
            #"{"model_id":"m","request_id":"r","ts":"2026-11-22T10:00:00.123Z","y_pred_num":\#(Double.random(in: 0...1, using: &generator)),"features":{\#(features.joined(separator: ","))},"segments":{"region":"eu"}}"#
    }
}

/// A seeded generator (SplitMix64), so that a failing random row can be found again.
struct SplitMixGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1330_11EB
        return z ^ (z >> 31)
    }
}
