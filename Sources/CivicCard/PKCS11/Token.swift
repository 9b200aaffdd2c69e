import CivicCore
import CivicCrypto
import CPKCS11

/// A certificate object on a token, with what it is for (nil when its key usage allows neither
/// signing nor decrypting).
public struct TokenCertificate: Sendable, Hashable {
    public let certificate: CertificateInfo
    public let role: CertificateRole?
    /// CKA_LABEL and CKA_ID, which tie it to its private key.
    public let label: String
    public let id: [UInt8]
}

/// A token in a module's slot: what it says about itself, its public certificates, and the
/// PIN-protected work (log in, change the PIN). Every call opens its own session and closes it
/// before returning, on every path.
public struct Token: Sendable {
    public let module: PKCS11Module
    public let description: TokenDescription

    /// The token as it is now: the PIN flags change after a wrong PIN.
    public func refreshed() throws(TokenError) -> Token {
        Token(module: module, description: try module.describe(slot: CK_SLOT_ID(description.slotID)))
    }

    /// The certificates readable without a PIN, in the token's order.
    public func certificates() throws(TokenError) -> [TokenCertificate] {
        try Self.certificates(in: PKCS11Session(module: module, slot: description.slotID))
    }

    /// Logs in with `pin` (wiped when this returns, whatever happens). A wrong PIN throws
    /// `.wrongPIN` with the PIN status the token reports afterwards, or `.pinLocked`.
    public func login(pin: PINCode) throws(TokenError) -> TokenLogin {
        defer { pin.wipe() }
        let session = try PKCS11Session(module: module, slot: description.slotID)
        do {
            try session.login(pin)
        } catch .wrongPIN {
            throw try wrongPINError()
        }
        return TokenLogin(token: self, session: session)
    }

    /// Changes the user PIN. The new PIN is checked against `PINPolicy` before the token is
    /// asked; both PINs are wiped when this returns, whatever happens.
    public func changePIN(old: PINCode, new: PINCode) throws(TokenError) {
        defer {
            old.wipe()
            new.wipe()
        }
        do {
            try PINPolicy.checkNewPIN(new, old: old)
        } catch {
            throw .newPINInvalid(error)
        }
        let session = try PKCS11Session(module: module, slot: description.slotID)
        do {
            // Some modules accept C_SetPIN only in a logged-in session: log in with the old PIN first.
            try session.login(old)
            defer { session.logout() }
            try session.setPIN(old: old, new: new)
        } catch .wrongPIN {
            throw try wrongPINError()
        }
    }

    /// True when a certificate object on the token has exactly these bytes.
    func holds(_ certificate: CertificateInfo) throws(TokenError) -> Bool {
        let session = try PKCS11Session(module: module, slot: description.slotID)
        return try !session.objects([.objectClass(CK_OBJECT_CLASS(CKO_CERTIFICATE)),
                                     .bytes(CK_ATTRIBUTE_TYPE(CKA_VALUE), certificate.der)]).isEmpty
    }

    static func certificates(in session: PKCS11Session) throws(TokenError) -> [TokenCertificate] {
        var result: [TokenCertificate] = []
        for object in try session.objects([.objectClass(CK_OBJECT_CLASS(CKO_CERTIFICATE))]) {
            let der = try session.attribute(CK_ATTRIBUTE_TYPE(CKA_VALUE), of: object)
            // Something other than an X.509 certificate (or a damaged one) is not offered.
            guard let certificate = try? CertificateParser.parse(der: der) else { continue }
            let label = String(decoding: try session.attribute(CK_ATTRIBUTE_TYPE(CKA_LABEL), of: object), as: UTF8.self)
            result.append(TokenCertificate(certificate: certificate, role: CardClassifier.role(of: certificate), label: label,
                                           id: try session.attribute(CK_ATTRIBUTE_TYPE(CKA_ID), of: object)))
        }
        return result
    }

    /// The wrong-PIN error with the PIN state the token reports now.
    private func wrongPINError() throws(TokenError) -> TokenError {
        let status = try refreshed().description.pinStatus
        return status == .locked ? .pinLocked : .wrongPIN(status)
    }
}
