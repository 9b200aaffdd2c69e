/// The release this build belongs to, shown in About, `--version` and the packs it writes.
public enum CivicDeskVersion {
    public static let number = "0.1.0"
    public static let applicationID = "tw.civicdesk.CivicDesk"
}
