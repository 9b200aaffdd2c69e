import CGtk
import CivicCore
import CivicCrypto
import CivicServices

/// 查詢機關憑證OID / 查詢自然人憑證序號: a thin view over `CardQuery` — the card proven as in the
/// wizards (`RegistryCardView`: PIN and a signed challenge), then 機關名稱 + 機關憑證OID or 姓名 +
/// 自然人憑證序號 in boxed rows, and 重新查詢 for another card.
@MainActor
final class CardQueryView {
    let root = Box(vertical: true, spacing: 18)

    private let state: WizardState<CardQuery>
    private let cardView: RegistryCardView
    private let confirm = Button(tr("確認")).style("suggested-action")
    private let again = Button(tr("重新查詢"))
    private let results = Box(vertical: true, spacing: 12)

    init(_ query: RegistryQuery, cards: LiveCards, trust: Result<TrustStore, Error>) {
        let state = WizardState(CardQuery(query))
        self.state = state
        cardView = RegistryCardView(state, \.card, cards: cards, trust: trust)
        confirm.accessibleName(tr("確認"))
        again.accessibleName(tr("重新查詢"))
        let buttons = Box(vertical: false, spacing: 12).append(again).append(confirm).align(horizontal: GTK_ALIGN_END)
        root.append(Label(tr(query.title)).xalign(0).style("title-2"))
            .append(cardView.root).append(results).append(buttons)
        cardView.onChange = { [weak self] in self?.render() }
        cardView.onProven = { [weak self] proven in
            self?.state.value.proven(proven.certificate)
            self?.render()
        }
        confirm.onClick { [weak self] in self?.cardView.confirm() }
        again.onClick { [weak self] in self?.restart() }
        render()
    }

    /// Follows the readers from now on (the query is shown).
    func follow() {
        cardView.follow()
        cardView.focus()
    }

    private func restart() {
        var fresh = CardQuery(state.value.query)
        fresh.card.identifier = state.value.card.identifier
        state.value = fresh
        cardView.render()
        follow()
    }

    private func render() {
        let result = state.value.result
        cardView.root.isVisible = result == nil
        confirm.isVisible = result == nil
        again.isVisible = result != nil
        confirm.isSensitive = cardView.canConfirm
        results.removeAll()
        switch result {
        case .agency(let name, let oid)?:
            results.append(CertificatePanel.rows(title: tr("機關憑證OID查詢結果畫面"), [(tr("機關名稱"), name), (tr("機關憑證OID"), oid)]))
        case .person(let name, let serial)?:
            results.append(CertificatePanel.rows(title: tr("查詢自然人憑證結果畫面"), [(tr("姓名"), name), (tr("自然人憑證序號"), serial)]))
        case nil:
            break
        }
    }
}
