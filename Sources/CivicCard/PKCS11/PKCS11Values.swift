import CivicCore
import CPKCS11

/// An attribute of a search template, with its value as bytes.
struct PKCS11Attribute {
    let type: CK_ATTRIBUTE_TYPE
    let value: [UInt8]

    static func objectClass(_ objectClass: CK_OBJECT_CLASS) -> PKCS11Attribute {
        PKCS11Attribute(type: CK_ATTRIBUTE_TYPE(CKA_CLASS), value: withUnsafeBytes(of: objectClass) { Array($0) })
    }

    static func bytes(_ type: CK_ATTRIBUTE_TYPE, _ value: [UInt8]) -> PKCS11Attribute {
        PKCS11Attribute(type: type, value: value)
    }

    /// Calls `body` with a C template whose value pointers stay valid for the call.
    static func withTemplate<Result>(_ template: [PKCS11Attribute],
                                     _ body: (UnsafeMutablePointer<CK_ATTRIBUTE>?, CK_ULONG) -> Result) -> Result {
        let buffers = template.map { attribute in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, attribute.value.count), alignment: 8)
            buffer.copyBytes(from: attribute.value)
            return buffer
        }
        defer { buffers.forEach { $0.deallocate() } }
        var attributes = zip(template, buffers).map { attribute, buffer in
            CK_ATTRIBUTE(type: attribute.type, pValue: buffer.baseAddress, ulValueLen: CK_ULONG(attribute.value.count))
        }
        return attributes.withUnsafeMutableBufferPointer { body($0.baseAddress, CK_ULONG($0.count)) }
    }
}

/// The mechanisms CivicDesk uses, with their parameters.
enum PKCS11Mechanism: Equatable {
    /// RSA PKCS#1 v1.5 over data the caller prepared (a DigestInfo to sign, or a block to decrypt).
    case rsaPKCS
    case rsaOAEP(RSAPadding.OAEPHash)
    /// Raw RSA (CKM_RSA_X_509): the whole block, unpadded on the computer.
    case rsaRaw

    var name: String {
        switch self {
        case .rsaPKCS: "RSA PKCS#1 v1.5"
        case .rsaOAEP(.sha1): "RSA-OAEP (SHA-1)"
        case .rsaOAEP(.sha256): "RSA-OAEP (SHA-256)"
        case .rsaRaw: "raw RSA"
        }
    }

    func withMechanism<Result>(_ body: (UnsafeMutablePointer<CK_MECHANISM>) -> Result) -> Result {
        switch self {
        case .rsaPKCS, .rsaRaw:
            let type = self == .rsaPKCS ? CKM_RSA_PKCS : CKM_RSA_X_509
            var mechanism = CK_MECHANISM(mechanism: CK_MECHANISM_TYPE(type), pParameter: nil, ulParameterLen: 0)
            return body(&mechanism)
        case .rsaOAEP(let hash):
            var parameters = CK_RSA_PKCS_OAEP_PARAMS(
                hashAlg: CK_MECHANISM_TYPE(hash == .sha1 ? CKM_SHA_1 : CKM_SHA256),
                mgf: CK_RSA_PKCS_MGF_TYPE(hash == .sha1 ? CKG_MGF1_SHA1 : CKG_MGF1_SHA256),
                source: CK_RSA_PKCS_OAEP_SOURCE_TYPE(CKZ_DATA_SPECIFIED), pSourceData: nil, ulSourceDataLen: 0)
            return withUnsafeMutablePointer(to: &parameters) { pointer in
                var mechanism = CK_MECHANISM(mechanism: CK_MECHANISM_TYPE(CKM_RSA_PKCS_OAEP), pParameter: pointer,
                                             ulParameterLen: CK_ULONG(MemoryLayout<CK_RSA_PKCS_OAEP_PARAMS>.size))
                return body(&mechanism)
            }
        }
    }
}
