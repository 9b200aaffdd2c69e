import CivicCore
import Foundation

/// A file or folder that could not be written, said so the user knows what to do (a full disk
/// is told apart, since freeing space is the remedy).
public struct FileWriteError: UserFacingError, Sendable, Equatable {
    public let path: String
    /// The POSIX error number.
    public let code: Int32

    public init(path: String, code: Int32) {
        self.path = path
        self.code = code
    }

    public var isDiskFull: Bool { code == ENOSPC || code == EDQUOT }

    public var message: UserMessage {
        if isDiskFull {
            return UserMessage(zh: "磁碟空間不足，無法寫入「\(path)」。請清出空間後再試；原有的檔案未被改動。",
                               en: "The disk is full; \"\(path)\" could not be written. Free some space and try again; existing files were left as they were.")
        }
        let reason = String(cString: strerror(code))
        return UserMessage(zh: "無法寫入「\(path)」（\(reason)）。請確認資料夾存在且有寫入權限。",
                           en: "\"\(path)\" could not be written (\(reason)). Check that the folder exists and can be written to.")
    }
}
