import CivicCore

/// What finding an operation's card can refuse, beyond the card layer's own errors.
public enum OperationCardError: UserFacingError, Sendable, Equatable {
    /// The PKCS#11 module has no token holding the certificate of the card in `reader`.
    case noTokenForCard(reader: String)

    public var message: UserMessage {
        switch self {
        case .noTokenForCard(let reader):
            UserMessage(zh: "讀卡機「\(reader)」中的卡片無法透過 PKCS#11 模組使用。請確認已安裝卡片管理工具（HiCOS），或以 CIVICDESK_PKCS11_MODULE 指定模組。",
                        en: "The card in “\(reader)” cannot be used through the PKCS#11 module. Check that the card utility (HiCOS) is installed, or set CIVICDESK_PKCS11_MODULE.")
        }
    }
}
