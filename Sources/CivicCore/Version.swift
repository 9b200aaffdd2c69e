/// The release this build belongs to, shown in About, `--version` and the packs it writes. The
/// same facts are in `Resources/tw.civicdesk.CivicDesk.metainfo.xml` (its newest release and its
/// homepage) and the desktop entry; `scripts/check-packaging.sh` fails when they disagree.
public enum CivicDeskVersion {
    public static let number = "0.1.0"
    /// The reverse-DNS id naming the application, its D-Bus name, icon, desktop entry and metainfo.
    public static let applicationID = "tw.civicdesk.CivicDesk"
    public static let website = "https://civicdesk.tw"
    public static let developers = ["CivicDesk 開發團隊"]
    public static let copyright = "© 2026 CivicDesk 開發團隊"

    /// How this binary was compiled: users get release builds (`make run`, `make install`,
    /// `make deb`), which import rosters about four times as fast as debug ones.
    public enum Build: String, Sendable {
        case debug, release
    }

    #if DEBUG
    public static let build = Build.debug
    #else
    public static let build = Build.release
    #endif
}
