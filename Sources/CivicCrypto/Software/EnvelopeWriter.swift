import CivicCore
import COpenSSL
import Foundation

/// Writes an encrypted batch file (spec §1) as a stream: a CMS AuthEnvelopedData (AES-GCM) or
/// EnvelopedData (AES-CBC) in BER with indefinite lengths, its content key wrapped for each
/// recipient certificate with RSA PKCS#1 v1.5 or OAEP. For the roster generator (the benchmark's
/// 150 MB batches, the demo) and tests: the plaintext goes through OpenSSL's streaming CMS BIO
/// into the file, so nothing the size of the batch is held in memory. The petition system makes
/// the real files; CivicDesk itself only reads them.
///
/// Flow: `init` → `write(_:)` as often as needed → `finish()`. A writer dropped before
/// `finish()` leaves an incomplete file, which `EncryptedEnvelope` refuses as truncated.
public final class EnvelopeWriter {
    private let cms: OpaquePointer
    private let file: OpaquePointer
    private let chain: OpaquePointer
    private var finished = false
    public let url: URL

    public init(url: URL, recipients: [CertificateInfo], algorithm: ContentEncryptionAlgorithm,
                padding: RSAPadding = .pkcs1v15) throws {
        let flags = UInt32(CMS_STREAM | CMS_PARTIAL | CMS_BINARY)
        guard !recipients.isEmpty, let cms = CMS_encrypt(nil, nil, algorithm.cipher, flags) else {
            throw Self.failure()
        }
        let parsed = recipients.compactMap { OpenSSLCertificate(der: $0.der) }
        guard parsed.count == recipients.count, parsed.allSatisfy({ Self.addRecipient($0, to: cms, padding: padding) }) else {
            CMS_ContentInfo_free(cms)
            throw Self.failure()
        }
        guard let file = BIO_new_file(url.path, "wb") else {
            CMS_ContentInfo_free(cms)
            ERR_clear_error()
            throw SoftwareKeyError.failed("writing \(url.path)")
        }
        guard let chain = BIO_new_CMS(file, cms) else {
            BIO_free(file)
            CMS_ContentInfo_free(cms)
            throw Self.failure()
        }
        self.cms = cms
        self.file = file
        self.chain = chain
        self.url = url
    }

    deinit {
        var bio: OpaquePointer? = chain
        while let current = bio, current != file {
            bio = BIO_pop(current)
            BIO_free(current)
        }
        BIO_free(file)
        CMS_ContentInfo_free(cms)
    }

    /// Encrypts and writes `bytes` (any size; large pieces stream best).
    public func write(_ bytes: [UInt8]) throws {
        precondition(!finished, "write after finish")
        guard !bytes.isEmpty else { return }
        let written = bytes.withUnsafeBytes { BIO_write(chain, $0.baseAddress, Int32($0.count)) }
        guard written == Int32(bytes.count) else { throw SoftwareKeyError.failed("writing \(url.path)") }
    }

    /// Writes the end of the content, the GCM tag and the closing of the structure.
    public func finish() throws {
        precondition(!finished, "finish twice")
        finished = true
        guard BIO_ctrl(chain, BIO_CTRL_FLUSH, 0, nil) == 1 else { throw SoftwareKeyError.failed("writing \(url.path)") }
    }

    /// Adds a KeyTransRecipientInfo for `certificate` (named by issuer and serial), with OAEP
    /// parameters when asked.
    private static func addRecipient(_ certificate: OpenSSLCertificate, to cms: OpaquePointer, padding: RSAPadding) -> Bool {
        guard let recipient = CMS_add1_recipient_cert(cms, certificate.pointer, UInt32(CMS_KEY_PARAM)),
              let context = CMS_RecipientInfo_get0_pkey_ctx(recipient) else { return false }
        switch padding {
        case .pkcs1v15:
            return EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_PADDING) == 1
        case .oaep(let hash):
            let digest = hash == .sha1 ? EVP_sha1() : EVP_sha256()
            return EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_OAEP_PADDING) == 1
                && EVP_PKEY_CTX_set_rsa_oaep_md(context, digest) == 1 && EVP_PKEY_CTX_set_rsa_mgf1_md(context, digest) == 1
        }
    }

    private static func failure() -> SoftwareKeyError {
        ERR_clear_error()
        return .failed("CMS envelope")
    }
}
