import DriftWatchCore
import Foundation
import GRDB
import GRDBSQLite

/// An inference encoded for its INSERT; built outside the write transaction.
struct InferenceRow: Sendable {
    var modelID: String
    var modelVersion: String?
    var requestID: String
    var timestamp: Int64
    var predictionNumber: Double?
    var predictionText: String?
    var probabilities: String
    var latencyMilliseconds: Double?
    var features: String
    var segments: String
    var error: String?
    var receivedAt: Int64
    var violations: String?
    var violationList: [SchemaViolation]

    init(event: InferenceEvent, receivedAt: Date) throws {
        modelID = event.modelID
        modelVersion = event.modelVersion
        requestID = event.requestID
        timestamp = try Int64(milliseconds: event.timestamp)
        predictionNumber = event.predictionNumber
        predictionText = event.predictionText
        probabilities = JSONColumns.encode(event.probabilities)
        latencyMilliseconds = event.latencyMilliseconds
        features = event.featuresJSON ?? JSONColumns.encode(event.features)
        segments = JSONColumns.encode(event.segments)
        error = event.error
        self.receivedAt = try Int64(milliseconds: receivedAt)
        violationList = event.schemaViolations
        violations = event.schemaViolations.isEmpty ? nil : JSONColumns.encode(event.schemaViolations)
    }
}

extension InferenceRow {
    /// Runs `statement` (``SQL/insertInference``) for this row; whether the row was stored (false
    /// for a duplicate).
    ///
    /// Bound straight through SQLite's C API: GRDB's `StatementArguments` box each of the 13
    /// values in an existential and copy them into an array per row, which cost as much writer
    /// time as SQLite's own insert. Text is bound as transient (SQLite copies it before this
    /// returns).
    func insert(with statement: Statement, in db: Database) throws -> Bool {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        var binder = Binder(handle: handle)
        binder.text(modelID)
        binder.text(modelVersion)
        binder.text(requestID)
        binder.integer(timestamp)
        binder.real(predictionNumber)
        binder.text(predictionText)
        binder.text(probabilities)
        binder.real(latencyMilliseconds)
        binder.text(features)
        binder.text(segments)
        binder.text(error)
        binder.integer(receivedAt)
        binder.text(violations)
        let code = binder.failure ?? sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            sqlite3_reset(handle)
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
        }
        return sqlite3_changes(db.sqliteConnection) > 0
    }
}

/// Binds parameters 1, 2, 3… in order, keeping the first failure.
private struct Binder {
    let handle: OpaquePointer
    private var index: Int32 = 0
    private(set) var failure: Int32?

    init(handle: OpaquePointer) { self.handle = handle }

    /// SQLite's `SQLITE_TRANSIENT`: copy the bytes before the bind call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    mutating func text(_ value: String?) {
        index += 1
        guard var value else { return check(sqlite3_bind_null(handle, index)) }
        let index = index
        let code = value.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, Self.transient) }
            return UnsafeRawPointer(start).withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(handle, index, $0, Int32(bytes.count), Self.transient)
            }
        }
        check(code)
    }

    mutating func integer(_ value: Int64) {
        index += 1
        check(sqlite3_bind_int64(handle, index, value))
    }

    mutating func real(_ value: Double?) {
        index += 1
        guard let value else { return check(sqlite3_bind_null(handle, index)) }
        check(sqlite3_bind_double(handle, index, value))
    }

    private mutating func check(_ code: Int32) {
        if code != SQLITE_OK && failure == nil { failure = code }
    }
}

extension InferenceRow {
    /// `event` as the profiler reads it back from the file, but for its position: the
    /// timestamp to the millisecond, as stored.
    func recentContent(of event: InferenceEvent) -> RecentEvents.Entry.Content {
        // The file holds non-finite numbers as null, which reads back as missing. Features kept
        // as received text hold none.
        let features =
            event.featuresJSON != nil || event.features.values.allSatisfy(\.isStorable)
            ? event.features : event.features.mapValues { $0.isStorable ? $0 : .missing }
        let probabilities =
            event.probabilities.values.allSatisfy(\.isFinite)
            ? event.probabilities : event.probabilities.filter { $0.value.isFinite }
        return RecentEvents.Entry.Content(
            event: ProfiledEvent(
                position: 0, modelID: modelID, modelVersion: modelVersion ?? "",
                timestamp: Date(milliseconds: timestamp), predictionNumber: Self.asStored(predictionNumber),
                predictionText: predictionText, latencyMilliseconds: Self.asStored(latencyMilliseconds),
                features: features,
                segments: event.segments, error: error, violatedFields: violationList.map(\.field)),
            requestID: requestID, probabilities: probabilities,
            timestamp: timestamp)
    }

    /// A number as SQLite reads it back: NaN is stored as NULL.
    private static func asStored(_ number: Double?) -> Double? {
        number?.isNaN == true ? nil : number
    }
}

extension FeatureValue {
    /// Whether the value reads back from the file as it is (a non-finite number reads back as
    /// missing).
    fileprivate var isStorable: Bool {
        if case .number(let number) = self { number.isFinite } else { true }
    }
}
