import CivicCore
import COpenSSL
import Foundation

/// The configured trust anchors (the MOICA/GRCA roots and intermediates; the TEST PKI's in
/// tests) and the two judgements CivicDesk makes with them: a certificate's status at a time
/// (the readers page), and whether a signer certificate chains to an anchor judged on
/// signatures and CA constraints alone, not on dates (the roster rule, spec §3).
///
/// Every anchor is trusted as configured (partial chains are accepted), so an end-entity
/// certificate issued directly by an anchor costs one RSA verification: the anchor set is
/// checked once, when loaded, instead of for every record. Immutable, and safe to use from many
/// threads at once without locks on that path.
public final class TrustStore: CertificateChainChecking, @unchecked Sendable {
    public let anchors: [CertificateInfo]
    let issuers: [TrustedIssuer]
    private let store: OpaquePointer

    /// Every certificate in the `.pem`, `.crt`, `.cer` and `.der` files of `folder`.
    public convenience init(folder: URL) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        } catch {
            throw TrustStoreError.cannotRead(path: folder.path)
        }
        var certificates: [CertificateInfo] = []
        for name in names where ["pem", "crt", "cer", "der"].contains((name as NSString).pathExtension.lowercased()) {
            let file = folder.appendingPathComponent(name)
            guard let contents = try? Data(contentsOf: file) else { throw TrustStoreError.cannotRead(path: file.path) }
            guard let parsed = try? CertificateParser.parse(fileContents: Array(contents)) else {
                throw TrustStoreError.notACertificate(path: file.path)
            }
            certificates += parsed
        }
        guard !certificates.isEmpty else { throw TrustStoreError.noAnchors(path: folder.path) }
        try self.init(anchors: certificates)
    }

    /// The given certificates as anchors. Each must be a CA certificate, and an anchor whose
    /// issuer is also an anchor must carry that issuer's valid signature.
    public init(anchors certificates: [CertificateInfo]) throws {
        var seen = Set<String>()
        let unique = certificates.filter { seen.insert($0.sha256).inserted }
        var parsed: [OpenSSLCertificate] = []
        for certificate in unique {
            guard let openSSL = OpenSSLCertificate(der: certificate.der) else { throw TrustStoreError.notACertificate(path: certificate.subject.rfc4514) }
            guard X509_check_ca(openSSL.pointer) >= 1, X509_get0_pubkey(openSSL.pointer) != nil else {
                throw TrustStoreError.notACertificateAuthority(certificate.subject.rfc4514)
            }
            parsed.append(openSSL)
        }
        for (certificate, info) in zip(parsed, unique) where !Self.consistent(certificate, with: parsed) {
            throw TrustStoreError.anchorSignatureInvalid(info.subject.rfc4514)
        }
        guard let store = X509_STORE_new() else { fatalError("OpenSSL could not allocate a certificate store") }
        for certificate in parsed { X509_STORE_add_cert(store, certificate.pointer) }
        self.store = store
        anchors = unique
        issuers = TrustedIssuer.all(parsed)
    }

    deinit {
        X509_STORE_free(store)
    }

    /// False when an anchor's issuer is among the anchors but none of them signed it.
    private static func consistent(_ anchor: OpenSSLCertificate, with anchors: [OpenSSLCertificate]) -> Bool {
        let issuers = anchors.filter { X509_check_issued($0.pointer, anchor.pointer) == X509_V_OK }
        defer { ERR_clear_error() }
        return issuers.isEmpty || issuers.contains { X509_verify(anchor.pointer, X509_get0_pubkey($0.pointer)) == 1 }
    }

    // MARK: Judgements

    /// The certificate's status at `date`: valid, expired, not yet valid or untrusted.
    /// `intermediates` are certificates that may complete the chain (from a card or a CMS).
    public func status(of certificate: CertificateInfo, at date: Date, intermediates: [CertificateInfo] = []) -> ChainStatus {
        guard let leaf = OpenSSLCertificate(der: certificate.der) else { return .untrusted(.other("not a certificate")) }
        let carried = CertificateStack(intermediates.compactMap { OpenSSLCertificate(der: $0.der) })
        return withExtendedLifetime((leaf, carried)) { verify(leaf.pointer, carried: carried.pointer, at: date) }
    }

    /// True when the certificate chains to an anchor, judged on signatures and CA constraints
    /// alone (spec §3 `untrusted-certificate`); dates are not looked at.
    public func chainsIgnoringDates(_ certificate: CertificateInfo, intermediates: [CertificateInfo] = []) -> Bool {
        guard let leaf = OpenSSLCertificate(der: certificate.der) else { return false }
        let carried = CertificateStack(intermediates.compactMap { OpenSSLCertificate(der: $0.der) })
        return withExtendedLifetime((leaf, carried)) {
            chainsIgnoringDates(leaf.pointer, der: certificate.der, carried: carried.pointer)
        }
    }

    /// The signature verifier's path. `leaf` is an `X509*`, possibly decoded without its public
    /// key (`OpenSSLContext.withoutDecoders`); `der` is its encoding; `carried` is the
    /// `STACK_OF(X509)` of certificates that came with it (the leaf may be among them), or nil.
    func chainsIgnoringDates(_ leaf: OpaquePointer, der: [UInt8], carried: OpaquePointer?) -> Bool {
        // Unknown critical extensions or undecodable ones make a certificate unusable, as in
        // X509_verify_cert.
        let flags = X509_get_extension_flags(leaf)
        guard flags & UInt32(EXFLAG_INVALID | EXFLAG_CRITICAL) == 0 else { return false }
        switch anchorSignature(on: leaf, der: der) {
        case .found:
            return true
        case .absent where !Self.carriesOthers(carried, besides: leaf):
            return false
        case .absent, .undecided:
            return fullVerification(der: der, carried: carried)
        }
    }

    private enum AnchorSignature {
        /// An anchor that may issue certificates signed it.
        case found
        /// No anchor signed it.
        case absent
        /// An anchor named as its issuer is one the fast path cannot judge.
        case undecided
    }

    /// The fast path: one RSA verification against the anchors that could have issued `leaf`.
    private func anchorSignature(on leaf: OpaquePointer, der: [UInt8]) -> AnchorSignature {
        let issuerName = X509_get_issuer_name(leaf)
        let authorityKey = X509_get0_authority_key_id(leaf).map { OpenSSLCertificate.bytes($0) }
        defer { ERR_clear_error() }
        var result = AnchorSignature.absent
        for issuer in issuers where X509_NAME_cmp(issuer.subject, issuerName) == 0
            && (authorityKey == nil || issuer.keyIdentifier == nil || authorityKey == issuer.keyIdentifier) {
            guard issuer.mayIssue else {
                result = .undecided
                continue
            }
            switch CertificateSignature.verifies(certificate: der, issuerKey: issuer.publicKey) {
            case true?: return .found
            case false?: continue
            case nil: result = .undecided
            }
        }
        return result
    }

    private static func carriesOthers(_ carried: OpaquePointer?, besides leaf: OpaquePointer) -> Bool {
        guard let carried else { return false }
        return (0..<OPENSSL_sk_num(carried)).contains { OPENSSL_sk_value(carried, $0).map(OpaquePointer.init) != leaf }
    }

    /// OpenSSL's verifier ignoring dates, over certificates decoded again in the default
    /// context (the leaf may have been decoded without its key).
    private func fullVerification(der: [UInt8], carried: OpaquePointer?) -> Bool {
        guard let leaf = OpenSSLCertificate(der: der) else { return false }
        let others = carried.map { stack in
            (0..<OPENSSL_sk_num(stack)).compactMap { index in
                OPENSSL_sk_value(stack, index).flatMap { OpenSSLCertificate(der: OpenSSLCertificate.der(of: OpaquePointer($0))) }
            }
        } ?? []
        let stack = CertificateStack(others)
        return withExtendedLifetime((leaf, stack)) {
            if case .valid = verify(leaf.pointer, carried: stack.pointer, at: nil) { return true }
            return false
        }
    }

    /// OpenSSL's full chain verification over the anchors (partial chains allowed), at `date`
    /// or ignoring dates when nil. When ignoring dates, a valid chain is reported without its
    /// certificates (`.valid(chain: [])`) to spare the work.
    private func verify(_ leaf: OpaquePointer, carried: OpaquePointer?, at date: Date?) -> ChainStatus {
        guard let context = X509_STORE_CTX_new() else { fatalError("OpenSSL could not allocate a verification context") }
        defer {
            X509_STORE_CTX_free(context)
            ERR_clear_error()
        }
        guard X509_STORE_CTX_init(context, store, leaf, carried) == 1 else { return .untrusted(.other("verification setup failed")) }
        var flags = UInt(X509_V_FLAG_PARTIAL_CHAIN)
        if let date {
            X509_STORE_CTX_set_time(context, 0, time_t(date.timeIntervalSince1970))
        } else {
            flags |= UInt(X509_V_FLAG_NO_CHECK_TIME)
        }
        X509_STORE_CTX_set_flags(context, flags)
        if X509_verify_cert(context) == 1 {
            guard date != nil, let chain = X509_STORE_CTX_get0_chain(context) else { return .valid(chain: []) }
            let certificates = (0..<OPENSSL_sk_num(chain)).compactMap { index -> CertificateInfo? in
                guard let raw = OPENSSL_sk_value(chain, index) else { return nil }
                let certificate = OpaquePointer(raw)
                X509_up_ref(certificate)
                let owned = OpenSSLCertificate(owning: certificate)
                return owned.info(der: owned.der())
            }
            return .valid(chain: certificates)
        }
        let failing = X509_STORE_CTX_get_current_cert(context).flatMap { certificate -> CertificateInfo? in
            X509_up_ref(certificate)
            let owned = OpenSSLCertificate(owning: certificate)
            return owned.info(der: owned.der())
        }
        return ChainStatus(verifyError: X509_STORE_CTX_get_error(context), certificate: failing)
    }
}

/// Why trust anchors could not be loaded.
public enum TrustStoreError: UserFacingError, Equatable {
    case cannotRead(path: String)
    case noAnchors(path: String)
    case notACertificate(path: String)
    case notACertificateAuthority(String)
    case anchorSignatureInvalid(String)

    public var message: UserMessage {
        switch self {
        case let .cannotRead(path):
            UserMessage(zh: "無法讀取信任憑證「\(path)」，請確認它存在且有讀取權限。",
                        en: "Cannot read the trusted certificates at “\(path)”; check that they exist and can be read.")
        case let .noAnchors(path):
            UserMessage(zh: "「\(path)」裡沒有任何信任的根憑證或中繼憑證（.pem、.crt、.cer、.der）。",
                        en: "“\(path)” holds no trusted root or intermediate certificates (.pem, .crt, .cer, .der).")
        case let .notACertificate(path):
            UserMessage(zh: "「\(path)」不是可以讀取的憑證檔。", en: "“\(path)” is not a readable certificate file.")
        case let .notACertificateAuthority(name):
            UserMessage(zh: "信任憑證「\(name)」不是憑證機構（CA）的憑證，不能當作信任錨。",
                        en: "The trusted certificate “\(name)” is not a certification authority (CA) certificate and cannot be a trust anchor.")
        case let .anchorSignatureInvalid(name):
            UserMessage(zh: "信任憑證「\(name)」的簽章無法由其上層憑證驗證，信任設定可能已損壞。",
                        en: "The trusted certificate “\(name)” does not verify against its issuer; the trust settings may be damaged.")
        }
    }
}
