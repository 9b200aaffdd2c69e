import CivicCore
import CPKCS11
import Synchronization

/// A logged-in session on a token: where its private keys can be used. It stays logged in until
/// `logout()` or until it goes away; the keys it hands out share it.
public final class TokenLogin: Sendable {
    public let token: Token
    private let session: Mutex<PKCS11Session?>

    init(token: Token, session: PKCS11Session) {
        self.token = token
        self.session = Mutex(session)
    }

    deinit {
        logout()
    }

    /// The key that signs, with its certificate: the one whose certificate allows signing
    /// (digitalSignature or nonRepudiation), narrowed by the URI's `object=` / `id=` if given.
    public func signingKey(matching uri: PKCS11URI? = nil) throws(TokenError) -> TokenKey {
        try key(for: .signature, matching: uri) { $0.maySign }
    }

    /// The key that decrypts (unwraps content keys): the one whose certificate allows keyEncipherment.
    public func decryptionKey(matching uri: PKCS11URI? = nil) throws(TokenError) -> TokenKey {
        try key(for: .encryption, matching: uri) { $0.mayDecryptKeys }
    }

    /// Logs out and closes the session; the keys handed out stop working.
    public func logout() {
        session.withLock { session in
            session?.logout()
            session = nil
        }
    }

    /// Runs `body` with the session, one caller at a time (a PKCS#11 session is not shared).
    func withSession<Result: Sendable>(_ body: (PKCS11Session) throws(TokenError) -> Result) throws(TokenError) -> Result {
        try session.withLock { (session: inout PKCS11Session?) throws(TokenError) -> Result in
            guard let session else { throw .loggedOut }
            return try body(session)
        }
    }

    private func key(for role: CertificateRole, matching uri: PKCS11URI?,
                     allows: (CertificateInfo) -> Bool) throws(TokenError) -> TokenKey {
        try withSession { (session) throws(TokenError) -> TokenKey in
            let candidates = try Token.certificates(in: session).filter { entry in
                !entry.certificate.isCA && allows(entry.certificate)
                    && (uri?.object.map { $0 == entry.label } ?? true) && (uri?.id.map { $0 == entry.id } ?? true)
            }
            for entry in candidates {
                var template: [PKCS11Attribute] = [.objectClass(CK_OBJECT_CLASS(CKO_PRIVATE_KEY))]
                template.append(entry.id.isEmpty ? .bytes(CK_ATTRIBUTE_TYPE(CKA_LABEL), Array(entry.label.utf8))
                                                 : .bytes(CK_ATTRIBUTE_TYPE(CKA_ID), entry.id))
                if let handle = try session.objects(template).first {
                    return TokenKey(login: self, handle: handle, certificate: entry.certificate)
                }
            }
            throw .keyNotFound(role)
        }
    }
}
