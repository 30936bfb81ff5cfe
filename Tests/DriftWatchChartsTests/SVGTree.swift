import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A rendered chart parsed back with `XMLParser`, so tests assert on the document a browser
/// would see rather than on substrings of the markup.
struct SVGTree {
    struct Element {
        let name: String
        let attributes: [String: String]
        /// Character data directly inside the element.
        var text: String
        var children: [Int]
        let parent: Int?

        var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
    }

    private(set) var elements: [Element] = []

    /// Parses `svg`, failing the calling test if it is not well-formed XML.
    init(_ svg: String) throws {
        let collector = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        // libxml2 behind FoundationXML keeps per-process state; tests run in parallel.
        let parsed = Self.parserLock.withLock { parser.parse() }
        guard parsed else {
            throw ParseFailure(
                message: "\(parser.parserError.map { "\($0)" } ?? "unknown error") in \(svg.prefix(2_000))")
        }
        elements = collector.elements
    }

    private static let parserLock = NSLock()

    struct ParseFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    var root: Element { elements[0] }

    /// Elements whose `class` list contains `cssClass`.
    func elements(withClass cssClass: String) -> [Element] {
        elements.filter { $0.classes.contains(cssClass) }
    }

    /// Elements with a `data-value` attribute: the data marks.
    var marks: [Element] { elements.filter { $0.attributes["data-value"] != nil } }

    /// The text of the `<title>` child of `element`.
    func title(of element: Element) -> String? {
        element.children.map { elements[$0] }.first { $0.name == "title" }?.text
    }

    /// All character data, e.g. to look for placeholder text.
    var allText: String { elements.map(\.text).joined(separator: "\n") }

    /// The plot rectangle every cartesian chart marks with `dw-plot-area`.
    var plotArea: (x: Double, y: Double, maxX: Double, maxY: Double)? {
        guard let rect = elements(withClass: "dw-plot-area").first, let x = rect.number("x"), let y = rect.number("y"),
            let width = rect.number("width"), let height = rect.number("height")
        else { return nil }
        return (x, y, x + width, y + height)
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var stack: [Int] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let element = Element(name: elementName, attributes: attributes, text: "", children: [], parent: stack.last)
            elements.append(element)
            if let parent = stack.last { elements[parent].children.append(elements.count - 1) }
            stack.append(elements.count - 1)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let current = stack.last { elements[current].text += string }
        }
    }
}

extension SVGTree.Element {
    /// A numeric attribute.
    func number(_ name: String) -> Double? {
        attributes[name].flatMap(Double.init)
    }
}

/// Dates used across the tests: 2025-03-05 00:00 UTC and offsets from it.
enum TestDates {
    static let midnight = Date(timeIntervalSince1970: 1_741_132_800)

    static func minutes(_ count: Int, from start: Date = midnight) -> [Date] {
        (0..<count).map { start.addingTimeInterval(Double($0) * 60) }
    }
}

/// Output must never contain the text forms of non-finite numbers.
func containsNonFiniteText(_ svg: String) -> Bool {
    let lowered = svg.lowercased()
    return lowered.contains("nan") || lowered.contains("inf")
}
