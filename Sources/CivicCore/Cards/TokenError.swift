/// What can go wrong with a PKCS#11 module or token, in words a user can act on. CivicCard maps
/// every CKR_* value to one of these.
public enum TokenError: UserFacingError, Sendable, Hashable {
    /// No module at the configured path, nor at any well-known place.
    case moduleNotFound(searched: [String])
    /// A file was found but is not a working PKCS#11 module.
    case moduleUnusable(path: String, reason: String)
    /// No token matches the URI (often: the card is not inserted).
    case tokenNotFound(uri: String)
    /// More than one token matches; the URI must say which.
    case ambiguousToken(uri: String, labels: [String])
    /// The token has no key (or no certificate) for this use.
    case keyNotFound(CertificateRole)
    case wrongPIN(PINStatus)
    case pinLocked
    /// The new PIN breaks CivicDesk's rules (checked before the token is asked).
    case newPINInvalid(PINPolicy.Problem)
    /// The token refused the new PIN (its own length or character rules).
    case newPINRejected
    /// The session ended (logged out, or the token was reset): the PIN is needed again.
    case loggedOut
    case tokenRemoved
    /// The token cannot do this mechanism (for example OAEP with SHA-256).
    case mechanismUnsupported(String)
    /// The ciphertext was not made for this key, or is damaged.
    case decryptionFailed
    /// Any other failure, with the function and its CKR_* code for support.
    case operationFailed(function: String, code: UInt)

    public var message: UserMessage {
        switch self {
        case .moduleNotFound(let searched):
            UserMessage(zh: "找不到卡片的 PKCS#11 模組（已找過：\(searched.joined(separator: "、"))）。請安裝內政部的 HiCOS 卡片管理工具，或以 CIVICDESK_PKCS11_MODULE 指定模組路徑。",
                        en: "No PKCS#11 module for the card was found (looked in: \(searched.joined(separator: ", "))). "
                            + "Install the HiCOS card utility, or set CIVICDESK_PKCS11_MODULE to the module's path.")
        case .moduleUnusable(let path, let reason):
            UserMessage(zh: "無法使用 PKCS#11 模組 \(path)：\(reason)。請重新安裝卡片管理工具。",
                        en: "The PKCS#11 module \(path) cannot be used: \(reason). Reinstall the card utility.")
        case .tokenNotFound(let uri):
            UserMessage(zh: "找不到符合的卡片（\(uri)）。請確認卡片已插入讀卡機。",
                        en: "No matching card was found (\(uri)). Check that the card is in the reader.")
        case .ambiguousToken(let uri, let labels):
            UserMessage(zh: "有多張卡片符合「\(uri)」（\(labels.joined(separator: "、"))）。請在 URI 中加上 token= 或 serial= 指定其中一張。",
                        en: "Several cards match “\(uri)” (\(labels.joined(separator: ", "))). Add token= or serial= to the URI to choose one.")
        case .keyNotFound(let role):
            UserMessage(zh: "卡片上找不到\(role.name.zh)與其金鑰。請確認插入的是正確的卡片。",
                        en: "The card holds no \(role.name.en.lowercased()) with its key. Check that this is the right card.")
        case .wrongPIN(let status):
            status.wrongPINMessage
        case .pinLocked:
            PINStatus.locked.wrongPINMessage
        case .newPINInvalid(let problem):
            problem.message
        case .loggedOut:
            UserMessage(zh: "已登出卡片，請重新輸入 PIN 碼。", en: "The card was logged out; enter the PIN again.")
        case .newPINRejected:
            UserMessage(zh: "卡片不接受這組新的 PIN 碼（長度或字元不符卡片的規定）。請換一組 6 到 8 碼的英數字。",
                        en: "The card refused the new PIN (its length or characters break the card's rules). Choose 6 to 8 letters or digits.")
        case .tokenRemoved:
            UserMessage(zh: "卡片已從讀卡機取出，操作沒有完成。請重新插入卡片後再試。",
                        en: "The card was taken out of the reader and the operation did not finish. Insert it again and retry.")
        case .mechanismUnsupported(let mechanism):
            UserMessage(zh: "這張卡片不支援 \(mechanism)。",
                        en: "This card does not support \(mechanism).")
        case .decryptionFailed:
            UserMessage(zh: "無法解密：資料不是以這張卡片的加密憑證加密的，或已經損壞。請確認使用的是正確的卡片與檔案。",
                        en: "Decryption failed: the data was not encrypted to this card's encryption certificate, or it is "
                            + "damaged. Check that this is the right card and file.")
        case .operationFailed(let function, let code):
            UserMessage(zh: "卡片無法完成操作（\(function)，代碼 0x\(String(code, radix: 16, uppercase: true))）。請重新插入卡片後再試。",
                        en: "The card could not complete the operation (\(function), code 0x\(String(code, radix: 16, uppercase: true))). "
                            + "Reinsert the card and try again.")
        }
    }
}
