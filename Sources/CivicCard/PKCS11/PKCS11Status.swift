import CivicCore
import CPKCS11

/// A CKR_* return value and what it means to a user. Every PKCS#11 call in CivicCard goes
/// through `check`, so no failure escapes unmapped.
enum PKCS11Status {
    static func check(_ value: CK_RV, _ function: String) throws(TokenError) {
        guard value != CK_RV(CKR_OK) else { return }
        throw error(value, function)
    }

    /// The user's view of a failed call. A wrong PIN is mapped by `Token` instead, which reads
    /// the token's PIN flags after the failure.
    static func error(_ value: CK_RV, _ function: String) -> TokenError {
        switch value {
        case CK_RV(CKR_PIN_INCORRECT):
            return .wrongPIN(.normal)
        case CK_RV(CKR_PIN_LOCKED):
            return .pinLocked
        case CK_RV(CKR_PIN_INVALID), CK_RV(CKR_PIN_LEN_RANGE), CK_RV(CKR_PIN_TOO_WEAK):
            return .newPINRejected
        case CK_RV(CKR_DEVICE_REMOVED), CK_RV(CKR_TOKEN_NOT_PRESENT), CK_RV(CKR_TOKEN_NOT_RECOGNIZED):
            return .tokenRemoved
        case CK_RV(CKR_USER_NOT_LOGGED_IN), CK_RV(CKR_SESSION_HANDLE_INVALID), CK_RV(CKR_SESSION_CLOSED):
            return .loggedOut
        case CK_RV(CKR_ENCRYPTED_DATA_INVALID), CK_RV(CKR_ENCRYPTED_DATA_LEN_RANGE):
            return .decryptionFailed
        default:
            return .operationFailed(function: function, code: UInt(value))
        }
    }
}
