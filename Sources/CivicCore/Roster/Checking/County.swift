/// The county or city (縣市) of a household address, as the 統計 sheet counts signers: the
/// first three characters, with the common 台 read as the official 臺 (台北市 → 臺北市).
public enum County {
    public static func of(address: String) -> String {
        String(address.prefix(3).map { $0 == "台" ? "臺" : $0 })
    }
}
