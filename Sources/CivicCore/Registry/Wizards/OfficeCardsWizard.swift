/// A registry wizard that begins with the office's two cards, the agency card (機關憑證) and its
/// administrator's card (授權管理者自然人憑證), so one pair of card views serves 首次註冊 and
/// 授權指派 alike.
public protocol OfficeCardsWizard {
    var agency: RegistryCardStep { get set }
    var administrator: RegistryCardStep { get set }
    /// The agency card was proven: on to the administrator's card.
    mutating func agencyProven()
}

extension RegistrationWizard: OfficeCardsWizard {}
extension ClerkAssignmentWizard: OfficeCardsWizard {}
