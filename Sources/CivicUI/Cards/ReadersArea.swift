import CGtk
import CivicCard
import CivicCore
import Foundation

/// The 讀卡機與憑證 area: a thin view over `ReadersPage` as `LiveCards` keeps it (card events
/// from the watcher's thread, cards read in the background); the page is drawn again whenever
/// what it shows changed.
@MainActor
final class ReadersArea: Area {
    let id = "cards"
    let title = tr("讀卡機與憑證")
    let iconName = "auth-smartcard-symbolic"
    var root: Widget { container }
    private let container = Box(vertical: true)

    private let services: AppServices
    private let cards: LiveCards
    private var shown: ReadersPageDisplay?
    private var content: Widget?
    private var cardView: CardPanelView?
    private var pinChange: ChangePINDialog?

    init(services: AppServices, cards: LiveCards) {
        self.services = services
        self.cards = cards
        container.expand(horizontally: true, vertically: true).accessibleName(title)
        render()
        cards.observe(self) { [weak self] in self?.render() }
    }

    /// Dates move on while the window stays open: badges are judged again each time.
    func didAppear() {
        render()
    }

    private func render() {
        let display = cards.page.display(now: Date())
        guard display != shown else { return }
        shown = display
        let view: Widget
        cardView = nil
        var shownCertificate: CertificateInfo?
        switch display.content {
        case .notice(let notice):
            view = noticeView(notice, readers: display.readers)
        case .card(let panel):
            let card = CardPanelView(panel, readers: readerList(display.readers))
            card.onChangePIN = { [weak self] in self?.changePIN(panel) }
            card.showBusy(pinChange?.isBusy ?? false)
            cardView = card
            view = card.root
            shownCertificate = panel.pinCertificate
        }
        if let content { container.remove(content) }
        container.append(view.expand(horizontally: true, vertically: true))
        content = view
        // The PIN dialog of a card no longer shown is withdrawn.
        if let pinChange, pinChange.certificate != shownCertificate { pinChange.cardWentAway() }
    }

    /// Every reader with what is in it; choosing one shows its card.
    private func readerList(_ rows: [ReadersPageDisplay.ReaderRow]) -> PreferencesGroup {
        let group = PreferencesGroup(title: tr("讀卡機"))
        for reader in rows {
            let row = ActionRow(title: reader.name, subtitle: tr(reader.status))
            row.addPrefix(Image(iconName: "auth-smartcard-symbolic"))
            if reader.isReading {
                row.addSuffix(Spinner().accessibleName(tr("讀取中…")))
            } else if reader.isSelected && rows.count > 1 {
                row.addSuffix(Image(iconName: "object-select-symbolic").accessibleName(tr("顯示中")))
            }
            row.onActivated { [weak self] in self?.cards.select(reader: reader.name) }
            group.add(row)
        }
        return group
    }

    /// A situation without a usable card: what happened, what to do, and the readers.
    private func noticeView(_ notice: ReadersPageDisplay.Notice, readers: [ReadersPageDisplay.ReaderRow]) -> Widget {
        let extra = Box(vertical: true, spacing: 24)
        if notice.situation == .reading || notice.situation == .connecting {
            extra.append(Spinner().size(width: 32, height: 32).align(horizontal: GTK_ALIGN_CENTER).accessibleName(tr(notice.title)))
        }
        if notice.canRetry {
            extra.append(Button(tr("重新讀取"), action: { [weak self] in self?.cards.retry() })
                .style("pill").align(horizontal: GTK_ALIGN_CENTER))
        }
        if !readers.isEmpty {
            extra.append(Clamp(readerList(readers), maximumWidth: 560))
        }
        return StatusPage(iconName: Self.icon(for: notice.situation), title: tr(notice.title),
                          description: tr(notice.advice), child: extra)
    }

    private func changePIN(_ panel: ReadersPageDisplay.CardPanel) {
        guard pinChange == nil, let certificate = panel.pinCertificate else { return }
        let cardName = panel.holder.map { "\(tr(panel.kind.name))（\($0)）" } ?? tr(panel.kind.name)
        let dialog = ChangePINDialog(services: services, certificate: certificate, cardName: cardName, anchor: root)
        dialog.onBusyChanged = { [weak self] busy in self?.cardView?.showBusy(busy) }
        dialog.onFinished = { [weak self] in
            self?.pinChange = nil
            self?.cardView?.showBusy(false)
        }
        pinChange = dialog
        dialog.start()
    }

    private static func icon(for situation: ReadersPageDisplay.Notice.Situation) -> String {
        switch situation {
        case .connecting: "emblem-synchronizing-symbolic"
        case .serviceUnavailable: "dialog-error-symbolic"
        case .noReader: "drive-removable-media-symbolic"
        case .noCard, .reading: "auth-smartcard-symbolic"
        case .cardInUse, .unreadable: "dialog-warning-symbolic"
        case .unusableCard: "dialog-information-symbolic"
        }
    }
}
