// fuzz-links: Crypto
// The BER/DER readers: `BERReader`, which streams batch files (indefinite lengths, constructed
// strings), and `DERCursor`, which the certificate and signature fast paths walk. Checks that
// an input `DERCursor` takes as one element is one element to `BERReader` too, byte for byte.
import COpenSSL
@testable import CivicCrypto

/// Reads every element below `cursor`, as the fast paths walk certificates and signatures.
func walk(_ cursor: DERCursor, depth: Int) {
    guard depth < 32 else { return }
    var cursor = cursor
    while let element = cursor.next() {
        require(element.range.upperBound <= cursor.end && element.contents.upperBound == element.range.upperBound,
                "an element outside its parent")
        if element.isConstructed { walk(cursor.inside(element), depth: depth + 1) }
        _ = DERValue.isObjectIdentifier(cursor.bytes, element.contents)
        _ = DERValue.isMinimalInteger(cursor.bytes, element.contents)
        // Callers spell only contents `isObjectIdentifier` has accepted, as OpenSSL would decode them.
        if element.tag == 0x06, element.contents.count < 0x80, DERValue.isObjectIdentifier(cursor.bytes, element.contents),
           let dotted = OID.dotted(contents: cursor.bytes, element.contents) {
            require(dotted == openSSLDotted(Array(cursor.bytes[element.range])), "OID \(dotted) spelt otherwise by OpenSSL")
        }
    }
}

/// How OpenSSL spells the OID (whole element): `OBJ_obj2txt`, numbers only.
func openSSLDotted(_ der: [UInt8]) -> String? {
    let object = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
        var cursor = buffer.baseAddress
        return d2i_ASN1_OBJECT(nil, &cursor, buffer.count)
    }
    defer { ASN1_OBJECT_free(object); ERR_clear_error() }
    return object.map { OpenSSLCertificate.oidText($0) }
}

/// Enters every constructed element and reads each primitive one, as the envelope reader does.
func read(_ reader: BERReader, depth: Int) throws {
    guard depth < 32 else { return try reader.skipElement() }
    let header = try reader.header()
    if header.isConstructed {
        let container = reader.container(of: header)
        while try reader.hasMore(in: container) { try read(reader, depth: depth + 1) }
        try reader.leave(container)
    } else if let length = header.length {
        _ = try reader.bytes(length)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    walk(DERCursor(bytes), depth: 0)
    var top = DERCursor(bytes)
    if top.next() != nil, top.isAtEnd {
        let element = try? BERReader.parse(bytes) { try $0.element() }
        require(element == bytes, "DER element not read whole by BERReader")
    }
    // A buffer smaller than the input, so elements straddle refills.
    let reader = BERReader(source: MemoryByteSource(bytes), bufferSize: 64)
    while (try? reader.atEnd()) == false {
        guard (try? reader.skipElement()) != nil else { break }
    }
    _ = try? read(BERReader(source: MemoryByteSource(bytes), bufferSize: 64), depth: 0)
    _ = try? BERReader.parse(bytes) { try $0.octetString() }
    _ = try? BERReader.parse(bytes) { try $0.objectIdentifier() }
    _ = try? BERReader.parse(bytes) { try $0.unsignedInteger() }
    _ = try? BERReader.parse(bytes) { try $0.smallInteger() }
    _ = try? BERReader.parse(bytes) { reader in
        try reader.streamString(try reader.header()) { _ in }
    }
    _ = try? AlgorithmIdentifier(der: bytes)
    return 0
}
