/// Who may change a workspace: without a registered office (a lead person at home) anybody;
/// with one, only a signed-in clerk whose permissions include the action.
public enum OfficeAccess {
    public enum Refusal: UserFacingError, Sendable, Hashable {
        /// Nobody signed in; the action's key and description are named.
        case signInRequired(PermissionKey, description: String)
        case permissionMissing(PermissionKey, description: String, clerk: String)
        /// The card used to sign in is not a registered clerk's.
        case notAClerk(serial: String)

        public var message: UserMessage {
            switch self {
            case .signInRequired(_, let description):
                UserMessage(zh: "本工作區已辦理機關憑證註冊，須以授權經辦人的自然人憑證登入（--operator-token）才能執行；需要的權限：\(description)。",
                            en: "This workspace belongs to a registered office: sign in with a clerk's card (--operator-token); permission needed: \(description).")
            case .permissionMissing(_, let description, let clerk):
                UserMessage(zh: "經辦人 \(clerk) 沒有這項權限：\(description)。請洽授權管理者於授權指派作業設定。",
                            en: "Clerk \(clerk) lacks the permission \(description); ask the administrator to grant it.")
            case .notAClerk(let serial):
                UserMessage(zh: "憑證序號 \(serial) 不是本機關的授權經辦人，無法登入。",
                            en: "Certificate \(serial) is not one of this office's clerks and cannot sign in.")
            }
        }
    }

    /// Whether `action` may go ahead. `office` is nil when no office is registered; `clerk` is the
    /// signed-in clerk, if any.
    public static func check(_ action: PermissionKey, officeRegistered: Bool, clerk: Clerk?,
                             catalogue: PermissionCatalogue?) -> Refusal? {
        guard officeRegistered else { return nil }
        let description = catalogue?.describe(action) ?? action.value
        guard let clerk else { return .signInRequired(action, description: description) }
        return clerk.permissions.contains(action) ? nil : .permissionMissing(action, description: description, clerk: clerk.name)
    }

    /// The clerk whose registered serial is `serial`, or the refusal to sign them in.
    public static func signIn(serial: String, clerks: [Clerk]) -> Result<Clerk, Refusal> {
        guard let clerk = clerks.first(where: { $0.serial.hex == serial }) else { return .failure(.notAClerk(serial: serial)) }
        return .success(clerk)
    }
}
