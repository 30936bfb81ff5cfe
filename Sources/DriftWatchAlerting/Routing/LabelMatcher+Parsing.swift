extension LabelMatcher: Codable {
    /// Reads the text form: `name="value"`, `name!=value`, `name=~"regex"`, `name!~regex`.
    /// The value may be double-quoted (with `\"` and `\\` escapes) or bare.
    ///
    /// - Throws: ``AlertConfigurationProblem`` naming what is wrong with the text.
    public init(parsing text: String) throws(AlertConfigurationProblem) {
        let trimmed = String(text.trimmingWhitespace())
        var nameEnd = trimmed.startIndex
        while nameEnd < trimmed.endIndex, !"=!~".contains(trimmed[nameEnd]) {
            nameEnd = trimmed.index(after: nameEnd)
        }
        let name = String(String(trimmed[..<nameEnd]).trimmingWhitespace())
        let rest = trimmed[nameEnd...]
        guard
            let op = [Operator.regexMatch, .regexNoMatch, .notEqual, .equal].first(where: {
                rest.hasPrefix($0.rawValue)
            })
        else {
            throw AlertConfigurationProblem(
                field: "", message: "matcher \"\(text)\" has no operator; expected one of =, !=, =~, !~")
        }
        guard AlertRule.isValidLabelName(name) else {
            throw AlertConfigurationProblem(
                field: "", message: "matcher \"\(text)\" has an invalid label name \"\(name)\"")
        }
        let raw = String(rest.dropFirst(op.rawValue.count)).trimmingWhitespace()
        let value: String
        if raw.hasPrefix("\"") {
            guard raw.count >= 2, raw.hasSuffix("\"") else {
                throw AlertConfigurationProblem(
                    field: "", message: "matcher \"\(text)\" has an unterminated quoted value")
            }
            value = Self.unescape(raw.dropFirst().dropLast())
        } else {
            value = String(raw)
        }
        do {
            try self.init(name, op, value)
        } catch {
            throw AlertConfigurationProblem(field: "", message: "matcher \"\(text)\": \(error.message)")
        }
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case name, op, value
    }

    /// Decodes the text form, or an object `{name, op, value}` (`op` defaults to `=`).
    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            do {
                try self.init(parsing: text)
            } catch {
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.message))
            }
            return
        }
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        let op = try container.decodeIfPresent(Operator.self, forKey: .op) ?? .equal
        let value = try container.decode(String.self, forKey: .value)
        do {
            try self.init(name, op, value)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .value, in: container, debugDescription: error.message)
        }
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func unescape(_ quoted: Substring) -> String {
        var output = ""
        var escaping = false
        for character in quoted {
            if escaping {
                output.append(character == "n" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                output.append(character)
            }
        }
        return output
    }
}
