import CLibXML2
import Foundation

/// Parses a file that came from another office without trusting it: nothing external is ever
/// loaded (no DTD, no external entity, no network: the parser's entity resolver is replaced by
/// one that refuses), and the only entities a document may declare are unparsed ones (files
/// named by attributes). Any other entity declaration stops the parser at the declaration,
/// before a single reference is expanded, so an entity bomb never grows.
enum XMLSafeReader {
    /// Runs `body` on the parsed document's root; the document is freed when `body` returns.
    static func read<Result>(_ bytes: [UInt8], body: (XMLElementView, XMLDocumentInfo) throws(DIExchangeError) -> Result)
        throws(DIExchangeError) -> Result {
        XMLLibrary.initialise()
        guard bytes.count < Int(Int32.max) else { throw .notWellFormed(line: 0, detail: XMLSyntaxDetail.tooLarge) }
        let guardState = ParseGuard()
        let context: xmlParserCtxtPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { xmlCreateMemoryParserCtxt($0, Int32(buffer.count)) }
            }
        }
        guard let context else {
            if bytes.isEmpty { throw .notWellFormed(line: 0, detail: XMLSyntaxDetail.empty) }
            throw .xmlLibraryFailure("xmlCreateMemoryParserCtxt")
        }
        // The bytes must outlive the parse: the context reads them in place.
        return try withExtendedLifetime(bytes) { () throws(DIExchangeError) -> Result in
            defer {
                if let document = context.pointee.myDoc { xmlFreeDoc(document) }
                context.pointee.myDoc = nil
                xmlFreeParserCtxt(context)
            }
            // No DTD loading or validation, no entity substitution, no network; errors are read
            // from the context rather than printed.
            let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_BIG_LINES.rawValue)
            xmlCtxtUseOptions(context, options)
            if let sax = context.pointee.sax {
                sax.pointee.entityDecl = refuseEntityDeclaration
                sax.pointee.resolveEntity = refuseExternalResource
                sax.pointee.externalSubset = endOfInternalSubset
                sax.pointee.serror = keepFirstError
            }
            let unmanaged = Unmanaged.passRetained(guardState)
            context.pointee._private = unmanaged.toOpaque()
            defer { unmanaged.release() }

            let status = xmlParseDocument(context)
            if let refusal = guardState.refusal { throw refusal }
            guard status == 0, context.pointee.wellFormed != 0, let document = context.pointee.myDoc else {
                throw brokenEncoding(context) ?? guardState.firstError ?? notWellFormed(context)
            }
            guard let rootNode = xmlDocGetRootElement(document) else { throw .notWellFormed(line: 0, detail: XMLSyntaxDetail.empty) }
            return try body(XMLElementView(node: rootNode), XMLDocumentInfo(document: document))
        }
    }

    private static func notWellFormed(_ context: xmlParserCtxtPtr) -> DIExchangeError {
        guard let error = xmlCtxtGetLastError(context) else { return .notWellFormed(line: 0, detail: XMLSyntaxDetail.unnamed) }
        return notWellFormed(error.pointee)
    }

    /// Bytes that break the declared encoding stop libxml2's conversion, which it reports to no
    /// parser but marks on the input buffer; what the parser then says of the bytes it did get
    /// follows from that.
    private static func brokenEncoding(_ context: xmlParserCtxtPtr) -> DIExchangeError? {
        guard let input = context.pointee.input, let buffer = input.pointee.buf, buffer.pointee.error != 0 else { return nil }
        return .notWellFormed(line: Int(input.pointee.line),
                              detail: XMLSyntaxDetail.of(code: buffer.pointee.error, libraryText: "input conversion failed"))
    }

    /// The refusal for libxml2's `error`, in CivicDesk's words (`XMLSyntaxDetail`).
    fileprivate static func notWellFormed(_ error: xmlError) -> DIExchangeError {
        let text = (error.message.map { String(cString: $0) } ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return .notWellFormed(line: Int(error.line), detail: XMLSyntaxDetail.of(code: error.code, libraryText: text))
    }
}

/// What the parser was stopped for, read back after it returns.
private final class ParseGuard {
    var refusal: DIExchangeError?
    /// The first error libxml2 raised: the cause, where the last one (the context's) is often
    /// what followed from it, as a bare `&` after bytes that broke the declared encoding.
    var firstError: DIExchangeError?

    /// Keeps the gravest refusal: an entity bomb is named as such even when a harmless-looking
    /// entity was declared before it.
    func refuse(_ error: DIExchangeError) {
        if case .entityDeclared(_, .internal)? = refusal { refusal = nil }
        if refusal == nil { refusal = error }
    }
}

private func parseGuard(_ context: UnsafeMutableRawPointer?) -> (xmlParserCtxtPtr, ParseGuard)? {
    guard let context else { return nil }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let state = parser.pointee._private else { return nil }
    return (parser, Unmanaged<ParseGuard>.fromOpaque(state).takeUnretainedValue())
}

/// Every entity declaration but an unparsed one (which libxml2 reports through
/// `unparsedEntityDecl`, left as it is) is refused and never stored. External and parameter
/// entities and internal ones that refer to other entities stop the parse at once; a plain
/// internal entity stops it at the end of the internal subset, so that an entity bomb declared
/// after it is still named as one.
private let refuseEntityDeclaration: entityDeclSAXFunc = { context, name, type, _, systemID, content in
    guard let (parser, state) = parseGuard(context) else { return }
    let entityName = XMLText.string(name) ?? ""
    switch xmlEntityType(UInt32(type)) {
    case XML_INTERNAL_GENERAL_ENTITY:
        let value = XMLText.string(content) ?? ""
        guard value.contains("&") || value.contains("%") else {
            state.refuse(.entityDeclared(name: entityName, kind: .internal))
            return
        }
        state.refuse(.entityDeclared(name: entityName, kind: .expanding))
    case XML_INTERNAL_PARAMETER_ENTITY, XML_EXTERNAL_PARAMETER_ENTITY:
        state.refuse(.entityDeclared(name: entityName, kind: .parameter))
    default:
        state.refuse(.entityDeclared(name: entityName, kind: .external(systemID: XMLText.string(systemID) ?? "")))
    }
    xmlStopParser(parser)
}

/// Nothing is fetched, neither a file nor a URL: the request itself stops the parse.
private let refuseExternalResource: resolveEntitySAXFunc = { context, _, systemID in
    if let (parser, state) = parseGuard(context) {
        state.refuse(.entityDeclared(name: "", kind: .external(systemID: XMLText.string(systemID) ?? "")))
        xmlStopParser(parser)
    }
    return nil
}

/// libxml2's structured error channel: keeps the first error (not warnings) of the parse.
private let keepFirstError: xmlStructuredErrorFunc = { context, error in
    guard let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue,
          let (_, state) = parseGuard(context), state.firstError == nil else { return }
    state.firstError = XMLSafeReader.notWellFormed(error.pointee)
}

/// Called where the internal subset ends: the DOCTYPE's SYSTEM DTD stays unread, and a plain
/// internal entity declared in the subset stops the parse here.
private let endOfInternalSubset: externalSubsetSAXFunc = { context, _, _, _ in
    if let (parser, state) = parseGuard(context), state.refusal != nil {
        xmlStopParser(parser)
    }
}

/// The document-level facts an element walk needs: the unparsed entities (attachment files)
/// its internal subset declares, and the DOCTYPE.
struct XMLDocumentInfo {
    fileprivate let document: xmlDocPtr

    /// The SYSTEM identifier of unparsed entity `name`, nil when it is not declared as one.
    func unparsedEntitySystemID(_ name: String) -> String? {
        guard let entity = xmlGetDocEntity(document, name),
              entity.pointee.etype == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY else { return nil }
        return XMLText.string(entity.pointee.SystemID)
    }

    /// The DOCTYPE's root name, nil without a DOCTYPE.
    var doctypeName: String? {
        document.pointee.intSubset.flatMap { XMLText.string($0.pointee.name) }
    }

    /// The data of every processing instruction before the root whose target is `target`.
    func processingInstructions(target: String) -> [String] {
        var result: [String] = []
        var node = document.pointee.children
        while let current = node {
            if current.pointee.type == XML_PI_NODE, XMLText.string(current.pointee.name) == target {
                result.append(XMLText.string(current.pointee.content) ?? "")
            }
            node = current.pointee.next
        }
        return result
    }
}
