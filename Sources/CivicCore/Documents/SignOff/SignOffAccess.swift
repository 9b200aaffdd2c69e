/// The 公文製作 area under the window's `OperatorSession`: which of 新增公文 and the sign-off
/// buttons the one working in the window may use, and whose lists they see. Without a
/// registered office one person drafts and signs every step, so everything is enabled and every
/// letter is theirs; with one, the signed-in clerk's permissions decide, and a button the clerk
/// may not use is disabled with the missing permission named, rather than refused after the PIN.
extension OperatorSession {
    /// Nil when `action` may be used now; else why not (the disabled button's tooltip).
    public func refusal(_ action: PermissionKey) -> UserMessage? {
        guard let officeRegistered else {
            return UserMessage(zh: "正在讀取工作區…", en: "Reading the workspace…")
        }
        return OfficeAccess.check(action, officeRegistered: officeRegistered, clerk: clerk, catalogue: nil)?.message
    }

    /// Nil when the sign-off `step` may be taken now; else why not, naming its permission
    /// (`documents.approve`).
    public func refusal(_ step: SignOffStep) -> UserMessage? {
        refusal(step.permission)
    }

    /// Whose lists the area shows: nil for the one person of a workspace without an office (every
    /// letter is theirs); with an office, the signed-in clerk as the actor the lists look for (the
    /// card they signed in with) and their permissions, so 待核公文 holds what they may take.
    public var documentViewer: (actor: SignOffActor, authority: SignOffAuthority)? {
        guard officeRegistered == true, let clerk else { return nil }
        let actor = SignOffActor(name: clerk.name, certificateSerial: clerk.serial.hex, certificateIssuer: "",
                                 chainsToAnchors: true, certificateUsable: true)
        return (actor, .office(grantedKeys: Set(clerk.permissions.keys.map(\.value))))
    }
}

extension SignOffStep {
    /// The permission a clerk needs for the step.
    public var permission: PermissionKey { PermissionKey(permissionKey) }
}

extension PermissionKey {
    /// 創稿: drafting a new letter (and 陳核, sending the draft up).
    public static let documentsDraft = PermissionKey("documents.draft")
}
