/// Appends SVG elements to a string, escaping every attribute value and text node.
///
/// Output is one element per line, without indentation: diffs of rendered charts stay
/// readable while the markup stays small enough to inline in every dashboard page.
///
/// ```swift
/// var writer = SVGWriter()
/// writer.element("circle", ["cx": .number(10), "cy": .number(20), "r": "3"], title: "130")
/// writer.output  // "<circle cx=\"10\" cy=\"20\" r=\"3\"><title>130</title></circle>\n"
/// ```
struct SVGWriter {
    private(set) var output = ""

    /// Opens `<name …>`; balance it with ``close(_:)``.
    mutating func open(_ name: String, _ attributes: SVGAttributes = [:]) {
        output += "<" + name
        append(attributes)
        output += ">\n"
    }

    /// Closes an element opened with ``open(_:_:)``.
    mutating func close(_ name: String) {
        output += "</" + name + ">\n"
    }

    /// An element without content, or with a `<title>` child when `title` is given.
    ///
    /// A `<title>` child is how SVG shows a tooltip and names a mark for screen readers
    /// without any script.
    mutating func element(_ name: String, _ attributes: SVGAttributes, title: String? = nil) {
        output += "<" + name
        append(attributes)
        if let title {
            output += "><title>" + XMLEscaping.escape(title) + "</title></" + name + ">\n"
        } else {
            output += "/>\n"
        }
    }

    /// An element whose only content is `content`, e.g. `<text>` or `<desc>`.
    mutating func textElement(_ name: String, _ content: String, _ attributes: SVGAttributes = [:]) {
        output += "<" + name
        append(attributes)
        output += ">" + XMLEscaping.escape(content) + "</" + name + ">\n"
    }

    /// A `<text>` element, with an optional `<title>` (used for the full text of a truncated label).
    mutating func text(_ content: String, _ attributes: SVGAttributes, title: String? = nil) {
        output += "<text"
        append(attributes)
        output += ">"
        if let title { output += "<title>" + XMLEscaping.escape(title) + "</title>" }
        output += XMLEscaping.escape(content) + "</text>\n"
    }

    /// A `<g>` around whatever `body` writes.
    mutating func group(_ attributes: SVGAttributes, _ body: (inout SVGWriter) -> Void) {
        open("g", attributes)
        body(&self)
        close("g")
    }

    private mutating func append(_ attributes: SVGAttributes) {
        for (name, value) in attributes.pairs {
            output += " " + name + "=\"" + XMLEscaping.escape(value.rendered) + "\""
        }
    }
}

/// Attributes in the order written; a `nil` value leaves the attribute out, so optional
/// styling can be written inline: `["stroke-dasharray": style.dash.map(SVGValue.text)]`.
struct SVGAttributes: ExpressibleByDictionaryLiteral {
    var pairs: [(name: String, value: SVGValue)]

    init(dictionaryLiteral elements: (String, SVGValue?)...) {
        pairs = elements.compactMap { name, value in value.map { (name, $0) } }
    }

    static func + (lhs: SVGAttributes, rhs: SVGAttributes) -> SVGAttributes {
        var result = lhs
        result.pairs += rhs.pairs
        return result
    }
}

/// An attribute value: text, a coordinate (two decimals) or an exact data value.
enum SVGValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    case text(String)
    case number(Double)
    case exact(Double)

    init(stringLiteral value: String) {
        self = .text(value)
    }

    var rendered: String {
        switch self {
        case .text(let text): text
        case .number(let number): NumberText.coordinate(number)
        case .exact(let number): NumberText.exact(number)
        }
    }
}
