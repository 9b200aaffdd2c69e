extension CardRequest {
    /// The roster wizards' card: the lead person's 自然人憑證, whose encryption certificate the
    /// batch files are for (the pack signs with its signing certificate on the same card).
    public static let rosterLead = CardRequest.naturalPerson(
        whose: UserMessage(zh: "領銜人的", en: "lead person's"), certificate: .encryption,
        otherKind: UserMessage(
            zh: "這是機關或團體憑證，不是自然人憑證。匯入與打包連署名冊要用領銜人本人的自然人憑證，請改插該卡。",
            en: "This is an agency or organisation card, not a citizen digital certificate. Rosters are imported and packed "
                + "with the lead person's own citizen certificate card; insert that card instead."))
}
