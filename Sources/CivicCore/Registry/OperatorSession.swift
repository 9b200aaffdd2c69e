/// Who works in the window: in a workspace with a registered office, the clerk signed in with
/// their card (登入) and so which actions are enabled; without an office (a lead person at home)
/// everything is, and nobody signs in. The window's areas all read the one session.
public struct OperatorSession: Sendable, Equatable {
    /// Whether the workspace has a registered office; nil until it has been read.
    public private(set) var officeRegistered: Bool?
    /// The signed-in clerk.
    public private(set) var clerk: Clerk?

    public init(officeRegistered: Bool? = nil, clerk: Clerk? = nil) {
        self.officeRegistered = officeRegistered
        self.clerk = clerk
    }

    /// The workspace was read: an office is registered or not (a clerk stays signed in only
    /// while there is one).
    public mutating func officeRead(registered: Bool) {
        officeRegistered = registered
        if !registered { clerk = nil }
    }

    public mutating func signedIn(_ clerk: Clerk) {
        self.clerk = clerk
    }

    /// 登出.
    public mutating func signedOut() {
        clerk = nil
    }

    /// The 登入 page stands before the areas that change data.
    public var needsSignIn: Bool { officeRegistered == true && clerk == nil }

    /// The workspace has been read and nobody has to sign in first: a file opened from the file
    /// manager waits until then, rather than meeting an area where nothing is allowed yet.
    public var isSettled: Bool { officeRegistered != nil && !needsSignIn }

    /// Whether the action is enabled: `OfficeAccess`'s rule (nothing is enabled while the
    /// workspace has not been read).
    public func allows(_ action: PermissionKey) -> Bool {
        guard let officeRegistered else { return false }
        return OfficeAccess.check(action, officeRegistered: officeRegistered, clerk: clerk, catalogue: nil) == nil
    }

    /// 經辦人：張雅婷, for the header bar.
    public var signedInLabel: UserMessage? {
        clerk.map { UserMessage(zh: "經辦人：\($0.name)", en: "Clerk: \($0.name)") }
    }
}
