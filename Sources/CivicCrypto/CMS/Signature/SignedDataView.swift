/// A record's CMS SignedData (RFC 5652 §5) read straight from its DER for the verifier's fast
/// path: the encapsulated content's type and embedded copy, the certificates, and the signer
/// infos' fields, located in the buffer without copying.
///
/// Like `CertificateView` it must read exactly what OpenSSL's `d2i_CMS_ContentInfo` reads, so
/// it takes only definite-length DER with plain X.509 certificates, no CRLs and no unsigned
/// attributes, and returns nil for anything else (BER as `openssl cms -stream` writes it,
/// attribute values of other types, …), which the verifier then hands to OpenSSL.
struct SignedDataView {
    let bytes: [UInt8]
    /// eContentType's contents.
    let contentType: Range<Int>
    /// eContent's octets, when the content is embedded (`-nodetach`).
    let embeddedContent: Range<Int>?
    /// The certificates, in order; nil when the field is absent.
    let certificates: [CertificateView]?
    let signers: [SignerInfoView]

    init?(_ bytes: [UInt8]) {
        // ContentInfo ::= SEQUENCE { contentType, [0] EXPLICIT content }, nothing after it.
        var top = DERCursor(bytes)
        guard let contentInfo = top.next(0x30), top.isAtEnd else { return nil }
        var info = top.inside(contentInfo)
        guard let type = info.next(0x06), DERValue.equals(bytes, type.contents, OID.Contents.signedData),
              let wrapper = info.next(0xA0), info.isAtEnd else { return nil }
        var wrapped = info.inside(wrapper)
        guard let signedData = wrapped.next(0x30), wrapped.isAtEnd else { return nil }
        var fields = wrapped.inside(signedData)
        guard let version = fields.next(0x02), Self.isSmallVersion(bytes, version.contents),
              let digestAlgorithms = fields.next(0x31) else { return nil }
        var algorithms = fields.inside(digestAlgorithms)
        while !algorithms.isAtEnd {
            guard DERValue.algorithm(&algorithms) != nil else { return nil }
        }
        // EncapsulatedContentInfo ::= SEQUENCE { eContentType, eContent [0] EXPLICIT OCTET STRING OPTIONAL }
        guard let encapsulated = fields.next(0x30) else { return nil }
        var content = fields.inside(encapsulated)
        guard let contentType = content.next(0x06), DERValue.isObjectIdentifier(bytes, contentType.contents) else { return nil }
        var embedded: Range<Int>?
        if let explicit = content.optional(0xA0) {
            var octets = content.inside(explicit)
            guard let string = octets.next(0x04), octets.isAtEnd else { return nil }
            embedded = string.contents
        }
        guard content.isAtEnd else { return nil }
        var certificates: [CertificateView]?
        if let set = fields.optional(0xA0) {
            var list = fields.inside(set)
            var read: [CertificateView] = []
            while !list.isAtEnd {
                guard let element = list.next(0x30), let certificate = CertificateView(bytes, element: element) else { return nil }
                read.append(certificate)
            }
            certificates = read
        }
        guard let signerSet = fields.next(0x31), fields.isAtEnd else { return nil }
        var signerList = fields.inside(signerSet)
        var signers: [SignerInfoView] = []
        while !signerList.isAtEnd {
            guard let element = signerList.next(0x30), let signer = SignerInfoView(bytes, element) else { return nil }
            signers.append(signer)
        }
        self.bytes = bytes
        self.contentType = contentType.contents
        embeddedContent = embedded
        self.certificates = certificates
        self.signers = signers
    }

    /// The first certificate the signer identifies, as `CMS_SignerInfo_cert_cmp` finds it; nil
    /// when that cannot be told from the bytes alone (an issuer name spelt otherwise than the
    /// certificate's, which OpenSSL may still find equal).
    func signerCertificate(of signer: SignerInfoView, among certificates: [CertificateView]) -> SignerMatch {
        for certificate in certificates {
            switch signer.identifier {
            case .keyIdentifier(let identifier):
                if let own = certificate.extensions.subjectKeyIdentifier, DERValue.equals(bytes, own, bytes, identifier) {
                    return .found(certificate)
                }
            case .issuerAndSerial(let issuer, let serial):
                guard DERValue.equals(bytes, certificate.serial, bytes, serial) else { continue }
                guard DERValue.equals(bytes, certificate.issuer, bytes, issuer) else { return .undecided }
                return .found(certificate)
            }
        }
        return .none
    }

    enum SignerMatch {
        case found(CertificateView)
        case none
        case undecided
    }

    /// CMSVersion, read as OpenSSL's INT32 would: one octet, 0–127, suffices for every version.
    private static func isSmallVersion(_ bytes: [UInt8], _ contents: Range<Int>) -> Bool {
        contents.count == 1 && bytes[contents.lowerBound] < 0x80
    }
}

/// One SignerInfo (RFC 5652 §5.3) of a `SignedDataView`.
struct SignerInfoView {
    enum Identifier {
        /// The issuer Name (whole element) and the serial INTEGER's contents.
        case issuerAndSerial(issuer: Range<Int>, serial: Range<Int>)
        case keyIdentifier(Range<Int>)
    }

    let identifier: Identifier
    /// The OIDs' contents.
    let digestAlgorithm: Range<Int>
    let signatureAlgorithm: Range<Int>
    /// The signed attributes' whole [0] element, when present.
    let signedAttributes: Range<Int>?
    let attributes: [Attribute]
    let signature: Range<Int>

    struct Attribute {
        /// The OID's contents.
        let type: Range<Int>
        /// The value (whole element) when there is exactly one, as the attributes the
        /// verifier reads must have; nil when there are several.
        let singleValue: DERElement?
    }

    /// The signed attribute of this type: nil when there are several, `.some(nil)` when none.
    func onlyAttribute(_ type: [UInt8], in bytes: [UInt8]) -> Attribute?? {
        var found: Attribute?
        for attribute in attributes where DERValue.equals(bytes, attribute.type, type) {
            guard found == nil else { return nil }
            found = attribute
        }
        return .some(found)
    }

    init?(_ bytes: [UInt8], _ element: DERElement) {
        var fields = DERCursor(bytes, within: element.contents)
        guard let version = fields.next(0x02), version.contents.count == 1, bytes[version.contents.lowerBound] < 0x80 else { return nil }
        switch fields.nextTag {
        case 0x30:
            guard let sequence = fields.next() else { return nil }
            var inner = fields.inside(sequence)
            guard let issuer = inner.next(0x30), NameReader.isReadable(bytes, issuer),
                  let serial = inner.next(0x02), DERValue.isMinimalInteger(bytes, serial.contents), inner.isAtEnd else { return nil }
            identifier = .issuerAndSerial(issuer: issuer.range, serial: serial.contents)
        case 0x80:
            guard let keyIdentifier = fields.next() else { return nil }
            identifier = .keyIdentifier(keyIdentifier.contents)
        default:
            return nil
        }
        guard let digest = DERValue.algorithm(&fields) else { return nil }
        digestAlgorithm = digest
        if let signed = fields.optional(0xA0) {
            var list = fields.inside(signed)
            var attributes: [Attribute] = []
            attributes.reserveCapacity(4)
            while !list.isAtEnd {
                guard let attribute = list.next(0x30), let read = Self.attribute(bytes, attribute) else { return nil }
                attributes.append(read)
            }
            guard !attributes.isEmpty else { return nil }
            signedAttributes = signed.range
            self.attributes = attributes
        } else {
            signedAttributes = nil
            attributes = []
        }
        guard let signatureAlgorithm = DERValue.algorithm(&fields), let signature = fields.next(0x04), fields.isAtEnd else { return nil }
        self.signatureAlgorithm = signatureAlgorithm
        self.signature = signature.contents
    }

    /// Attribute ::= SEQUENCE { attrType OID, attrValues SET OF ANY }, with values of the types
    /// OpenSSL keeps as they were encoded (so the DER it re-encodes for the signature check is
    /// these very bytes) and, when several, already in DER's order (OpenSSL re-sorts them).
    private static func attribute(_ bytes: [UInt8], _ element: DERElement) -> Attribute? {
        var fields = DERCursor(bytes, within: element.contents)
        guard let type = fields.next(0x06), DERValue.isObjectIdentifier(bytes, type.contents),
              let set = fields.next(0x31), fields.isAtEnd else { return nil }
        var valueCursor = fields.inside(set)
        var first: DERElement?
        var previous: DERElement?
        while let value = valueCursor.next() {
            switch value.tag {
            case 0x06: guard DERValue.isObjectIdentifier(bytes, value.contents) else { return nil }
            case 0x04, 0x30, 0x31: break
            case 0x17: guard value.contents.count >= 13 else { return nil }
            case 0x18: guard value.contents.count >= 15 else { return nil }
            default: return nil
            }
            if let previous, !bytes[previous.range].lexicographicallyPrecedes(bytes[value.range]) { return nil }
            if first == nil { first = value }
            previous = value
        }
        guard valueCursor.isAtEnd, let first, let previous else { return nil }
        return Attribute(type: type.contents, singleValue: first.range == previous.range ? first : nil)
    }
}
