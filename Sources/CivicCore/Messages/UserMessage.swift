/// Text a user reads, in Traditional Chinese first and English second, so an error made deep in
/// Core reaches the window or the terminal in the user's language without Core knowing which.
public struct UserMessage: Sendable, Hashable, CustomStringConvertible {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// Text that reads the same in every language: a name, a serial number, a fingerprint.
    public init(verbatim text: String) {
        zh = text
        en = text
    }

    /// The Chinese text, which is what users of this program read by default.
    public var description: String { zh }

    /// The text for a locale name such as `zh_TW.UTF-8` or `en_US.UTF-8`: English only when asked for.
    public func text(forLocale locale: String) -> String {
        locale.hasPrefix("en") ? en : zh
    }
}

/// An error a user can meet: it says what happened and what to do, in both languages.
public protocol UserFacingError: Error {
    var message: UserMessage { get }
}

extension UserMessage {
    /// What to tell the user of any error: its own words when it has them, else that something
    /// unexpected happened, with the error for support.
    public init(describing error: Error) {
        if let error = error as? UserFacingError {
            self = error.message
        } else {
            self.init(zh: "發生未預期的錯誤：\(error)", en: "An unexpected error occurred: \(error)")
        }
    }
}
