import CivicCore
import CivicCrypto
import CivicServices

/// The agency card and its administrator's card that 首次註冊 and 授權指派 begin with: two
/// `RegistryCardView`s over the wizard's steps, added to its frame as the pages "agency" and
/// "administrator". The agency card, once proven, moves the wizard on by itself; the
/// administrator's card is handed to the page with it, for the page's own check.
@MainActor
final class OfficeCardViews {
    let agency: RegistryCardView
    let administrator: RegistryCardView
    /// Something a page's main button depends on changed.
    var onChange: (@MainActor () -> Void)?
    /// The administrator's card was proven, after the agency card.
    var onAdministratorProven: (@MainActor (_ agency: ProvenRegistryCard, _ administrator: ProvenRegistryCard) -> Void)?
    /// The agency card, once proven.
    private(set) var provenAgency: ProvenRegistryCard?

    init<Wizard: OfficeCardsWizard>(_ state: WizardState<Wizard>, in frame: WizardFrame, cards: LiveCards,
                                    trust: Result<TrustStore, Error>) {
        agency = RegistryCardView(state, \.agency, cards: cards, trust: trust)
        administrator = RegistryCardView(state, \.administrator, cards: cards, trust: trust)
        frame.add(agency.root, name: "agency")
        frame.add(administrator.root, name: "administrator")
        agency.onChange = { [weak self] in self?.onChange?() }
        administrator.onChange = { [weak self] in self?.onChange?() }
        agency.onProven = { [weak self] proven in
            self?.provenAgency = proven
            state.value.agencyProven()
            self?.onChange?()
        }
        administrator.onProven = { [weak self] proven in
            guard let self, let agency = self.provenAgency else { return }
            self.onAdministratorProven?(agency, proven)
        }
    }

    /// 取消: both cards are asked for again.
    func restart() {
        provenAgency = nil
    }
}
