/// Splits RFC 4180 text into records of field byte ranges in one pass.
///
/// Handles quoted fields with doubled quotes and embedded separators or line breaks, and LF or
/// CRLF line ends. Blank lines are skipped. Written by hand because the CSV packages available
/// materialise every field as a `String`, which costs more than all the statistics together
/// on wide files.
enum CSVSplitter {
    /// Every field in file order; record r holds fields[recordStarts[r]..<recordStarts[r + 1]].
    struct Result {
        var fields: [CSVTable.FieldRange] = []
        var recordStarts: [Int] = [0]
        var lines: [Int32] = []

        var recordCount: Int { lines.count }

        func fieldCount(ofRecord r: Int) -> Int { recordStarts[r + 1] - recordStarts[r] }
    }

    static func split(_ bytes: UnsafeBufferPointer<UInt8>, count: Int, file: String) throws(CSVError) -> Result {
        let comma = UInt8(ascii: ",")
        let quote = UInt8(ascii: "\"")
        let lf = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")
        var result = Result()
        result.fields.reserveCapacity(count / 8)
        var fieldsInRecord = 0
        var line: Int32 = 1
        var recordLine: Int32 = 1
        var i = 0
        var startingRecord = true
        // Skip a UTF-8 byte order mark.
        if count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        while i < count {
            if startingRecord {
                if bytes[i] == lf || bytes[i] == cr {
                    if bytes[i] == lf { line += 1 }
                    i += 1
                    continue
                }
                recordLine = line
                startingRecord = false
            }
            var field: CSVTable.FieldRange
            if bytes[i] == quote {
                let start = i + 1
                var j = start
                while true {
                    guard j < count else {
                        throw CSVError(file: file, line: Int(recordLine), message: "a quoted field is never closed")
                    }
                    if bytes[j] == quote {
                        if j + 1 < count && bytes[j + 1] == quote {
                            j += 2
                            continue
                        }
                        break
                    }
                    if bytes[j] == lf { line += 1 }
                    j += 1
                }
                field = CSVTable.FieldRange(start: Int32(start), end: Int32(j), quoted: true)
                i = j + 1
                if i < count && bytes[i] != comma && bytes[i] != lf && bytes[i] != cr {
                    throw CSVError(
                        file: file, line: Int(line),
                        message: "unexpected character after a closing quote in field \(fieldsInRecord + 1)")
                }
            } else {
                let start = i
                while i < count && bytes[i] != comma && bytes[i] != lf && bytes[i] != cr { i += 1 }
                field = CSVTable.FieldRange(start: Int32(start), end: Int32(i), quoted: false)
            }
            result.fields.append(field)
            fieldsInRecord += 1
            if i < count && bytes[i] == comma {
                i += 1
                if i == count || bytes[i] == lf || bytes[i] == cr {
                    result.fields.append(CSVTable.FieldRange(start: Int32(i), end: Int32(i), quoted: false))
                    fieldsInRecord += 1
                } else {
                    continue
                }
            }
            if i < count && bytes[i] == cr { i += 1 }
            if i < count && bytes[i] == lf {
                i += 1
                line += 1
            }
            result.recordStarts.append(result.fields.count)
            result.lines.append(recordLine)
            fieldsInRecord = 0
            startingRecord = true
        }
        if fieldsInRecord > 0 {
            result.recordStarts.append(result.fields.count)
            result.lines.append(recordLine)
        }
        return result
    }
}
