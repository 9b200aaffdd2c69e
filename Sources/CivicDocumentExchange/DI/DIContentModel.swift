/// A sequence content model of the DTD (`(發文機關+,函類別,地址,…)`), checked by the importer
/// itself since the DTD is never loaded: an element the sequence names but at the wrong place
/// is refused, a required one missing is refused, and an element the sequence does not name at
/// all (another system's addition) is kept aside rather than dropped.
struct DIContentModel {
    struct Particle {
        let name: String
        let minimum: Int
        let maximum: Int

        static func one(_ name: String) -> Particle { Particle(name: name, minimum: 1, maximum: 1) }
        static func optional(_ name: String) -> Particle { Particle(name: name, minimum: 0, maximum: 1) }
        static func oneOrMore(_ name: String) -> Particle { Particle(name: name, minimum: 1, maximum: .max) }
        static func any(_ name: String) -> Particle { Particle(name: name, minimum: 0, maximum: .max) }
    }

    let particles: [Particle]

    init(_ particles: Particle...) {
        self.particles = particles
    }

    /// The element children of `element` by name, in order, checked against the sequence;
    /// children outside it are added to `kept`. Text other than white space between the
    /// elements is refused: the DTD gives it no place.
    func match(_ element: XMLElementView, path: String, kept: inout [DIKeptElement]) throws(DIExchangeError) -> DIMatchedChildren {
        var index = 0
        var counts = Array(repeating: 0, count: particles.count)
        var matched = DIMatchedChildren()
        for child in element.children {
            let view: XMLElementView
            switch child {
            case let .text(text):
                if !text.isXMLWhitespace { throw .strayText(path: path, line: element.line, text: text.trimmedXMLWhitespace) }
                continue
            case let .entityReference(name):
                throw .entityReference(name: name, line: element.line)
            case let .element(element):
                view = element
            }
            let name = view.name
            guard particles.contains(where: { $0.name == name }) else {
                kept.append(DIKeptElement(path: path + "/" + name, line: view.line, markup: view.markup))
                continue
            }
            guard let target = particles.indices.first(where: { $0 >= index && particles[$0].name == name
                && ($0 > index || counts[$0] < particles[$0].maximum) }) else {
                throw .wrongOrder(path: path, element: name, line: view.line, expected: expected(from: index, counts: counts))
            }
            if let missing = particles[index..<target].indices.first(where: { counts[$0] < particles[$0].minimum }) {
                throw .missingElement(path: path, element: particles[missing].name)
            }
            index = target
            counts[target] += 1
            matched.elements[name, default: []].append(view)
        }
        if let missing = particles.indices.first(where: { $0 >= index && counts[$0] < particles[$0].minimum }) {
            throw .missingElement(path: path, element: particles[missing].name)
        }
        return matched
    }

    /// The names that could come at `index`: the current one if it may repeat, then each
    /// following one up to and including the first required one.
    private func expected(from index: Int, counts: [Int]) -> [String] {
        var names: [String] = []
        for position in particles.indices where position >= index {
            if position == index && counts[position] >= particles[position].maximum { continue }
            names.append(particles[position].name)
            if counts[position] < particles[position].minimum { break }
        }
        return names
    }
}

/// The children a content model matched, by name in document order.
struct DIMatchedChildren {
    var elements: [String: [XMLElementView]] = [:]

    func all(_ name: String) -> [XMLElementView] { elements[name] ?? [] }
    func first(_ name: String) -> XMLElementView? { elements[name]?.first }
}

extension String {
    /// Only XML's white space (space, tab, CR, LF): the ideographic space U+3000 is text.
    var isXMLWhitespace: Bool {
        unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    }

    /// Without the line breaks and indentation a pretty-printing system puts around text.
    var trimmedXMLWhitespace: String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
