import CLibXML2

/// A document built with libxml2's tree API rather than by joining strings, so escaping, the
/// internal subset and the encoding are libxml2's business: elements, attributes and text are
/// added in the order they are written, entities and notations go to the internal subset.
final class XMLDocumentBuilder {
    private let document: xmlDocPtr
    let root: XMLElementBuilder

    /// A document whose root is `rootName`, with `<!DOCTYPE rootName SYSTEM "systemID" [ ]>`.
    init(rootName: String, systemID: String) throws(DIExchangeError) {
        XMLLibrary.initialise()
        guard let document = xmlNewDoc("1.0") else { throw .xmlLibraryFailure("xmlNewDoc") }
        self.document = document
        guard xmlCreateIntSubset(document, rootName, nil, systemID) != nil,
              let node = xmlNewDocNode(document, nil, rootName, nil) else {
            xmlFreeDoc(document)
            throw .xmlLibraryFailure("xmlCreateIntSubset")
        }
        xmlDocSetRootElement(document, node)
        root = XMLElementBuilder(node: node, path: rootName)
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// `<!NOTATION name SYSTEM "systemID">` in the internal subset.
    func declareNotation(_ name: String, systemID: String) throws(DIExchangeError) {
        guard xmlAddNotationDecl(nil, document.pointee.intSubset, name, nil, systemID) != nil else {
            throw .xmlLibraryFailure("xmlAddNotationDecl")
        }
    }

    /// `<!ENTITY name SYSTEM "systemID" NDATA notation>` in the internal subset: a file that
    /// travels beside the document, named from an ENTITY or ENTITIES attribute.
    func declareUnparsedEntity(_ name: String, systemID: String, notation: String) throws(DIExchangeError) {
        guard XMLText.isAllowed(systemID), !systemID.contains("\""), !systemID.contains("'") else {
            throw .textNotAllowed(field: "附件檔名", value: systemID)
        }
        guard xmlAddDocEntity(document, name, Int32(XML_EXTERNAL_GENERAL_UNPARSED_ENTITY.rawValue), nil, systemID, notation) != nil else {
            throw .xmlLibraryFailure("xmlAddDocEntity")
        }
    }

    /// `<?target data?>` before the root element: data the DTD has no element for.
    func addProcessingInstruction(target: String, data: String) throws(DIExchangeError) {
        guard XMLText.isAllowed(data), !data.contains("?>") else { throw .textNotAllowed(field: target, value: data) }
        guard let instruction = xmlNewDocPI(document, target, data), xmlAddPrevSibling(root.node, instruction) != nil else {
            throw .xmlLibraryFailure("xmlNewDocPI")
        }
    }

    /// The document in UTF-8 with its XML declaration, indented two spaces per level.
    func serialized() throws(DIExchangeError) -> [UInt8] {
        var memory: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpFormatMemoryEnc(document, &memory, &size, "UTF-8", 1)
        guard let memory, size > 0 else { throw .xmlLibraryFailure("xmlDocDumpFormatMemoryEnc") }
        defer { civic_xml_free(memory) }
        return Array(UnsafeBufferPointer(start: memory, count: Int(size)))
    }
}

/// One element of a document being built; children are appended in call order, which is how
/// the writer keeps the DTD's fixed order.
struct XMLElementBuilder {
    fileprivate let node: xmlNodePtr
    /// `函/段落/條列`, to name the field in an error.
    let path: String

    /// Appends `<name attributes…>text</name>` and returns it for its own children.
    @discardableResult
    func element(_ name: String, text: String? = nil, attributes: [(String, String)] = []) throws(DIExchangeError) -> XMLElementBuilder {
        let childPath = path + "/" + name
        if let text, !XMLText.isAllowed(text) { throw .textNotAllowed(field: childPath, value: text) }
        guard let child = xmlNewTextChild(node, nil, name, text) else { throw .xmlLibraryFailure("xmlNewTextChild") }
        for (attribute, value) in attributes {
            guard XMLText.isAllowed(value) else { throw .textNotAllowed(field: childPath + "/@" + attribute, value: value) }
            guard xmlNewProp(child, attribute, value) != nil else { throw .xmlLibraryFailure("xmlNewProp") }
        }
        return XMLElementBuilder(node: child, path: childPath)
    }
}

/// libxml2's one-time set-up, done before the first document on any thread.
enum XMLLibrary {
    private static let initialised: Void = xmlInitParser()

    /// Once per process the parser, and on every call the calling thread's error printing
    /// (libxml2 keeps it per thread): errors are read from the parser, never printed.
    static func initialise() {
        _ = initialised
        civic_xml_silence()
    }
}
