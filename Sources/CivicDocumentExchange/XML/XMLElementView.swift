import CLibXML2

/// A read-only look at one element of a document `XMLSafeReader` parsed, valid only inside the
/// reader's body: names, attributes and text come out as Swift strings (UTF-8, whatever the
/// file's encoding), and an element can be written back as markup to keep it aside.
struct XMLElementView {
    fileprivate let node: xmlNodePtr

    init(node: xmlNodePtr) {
        self.node = node
    }

    var name: String { XMLText.string(node.pointee.name) ?? "" }

    /// The line it starts on in the file.
    var line: Int { Int(xmlGetLineNo(node)) }

    var attributes: [(name: String, value: String)] {
        var result: [(String, String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = XMLText.string(current.pointee.name) ?? ""
            let value = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1)
            result.append((name, XMLText.string(value) ?? ""))
            civic_xml_free(value)
            attribute = current.pointee.next
        }
        return result
    }

    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The element and text children in document order; comments and processing instructions
    /// are left out, character and predefined entity references are already text.
    var children: [XMLChild] {
        var result: [XMLChild] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                result.append(.element(XMLElementView(node: current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                result.append(.text(XMLText.string(current.pointee.content) ?? ""))
            case XML_ENTITY_REF_NODE:
                result.append(.entityReference(XMLText.string(current.pointee.name) ?? ""))
            default:
                break
            }
            child = current.pointee.next
        }
        return result
    }

    /// The element as it stands in the file (in UTF-8), with its children.
    var markup: String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        xmlNodeDump(buffer, node.pointee.doc, node, 0, 0)
        return XMLText.string(xmlBufferContent(buffer)) ?? ""
    }
}

enum XMLChild {
    case element(XMLElementView)
    case text(String)
    /// A reference to an entity the document does not declare (it may be in the external DTD,
    /// which is never read): its content is unknown.
    case entityReference(String)
}
