import CGtk
import CivicCore
import CivicCrypto
import CivicServices

/// 查詢作業: the seed's four queries (`RegistryQuery`) in a menu of their own beside the chosen
/// query's view. Each view is made the first time its query is chosen (a card query then follows
/// the readers), so the area's other wizards keep the readers to themselves until then.
@MainActor
final class RegistryQueriesPage {
    var root: Widget { menu.root }

    private let service: RegistryService
    private let trust: Result<TrustStore, Error>
    private let cards: LiveCards
    private let menu = RegistryMenu(name: tr("查詢作業功能選單"), titles: RegistryQuery.allCases.map { tr($0.title) }, width: 170)
    private var pages: Stack { menu.pages }
    private var records: RecordsQueryView?
    private var cardQueries: [RegistryQuery: CardQueryView] = [:]
    private var clerks: ClerksQueryView?

    init(service: RegistryService, trust: Result<TrustStore, Error>, cards: LiveCards) {
        self.service = service
        self.trust = trust
        self.cards = cards
        menu.onSelect = { [weak self] index in self?.show(RegistryQuery.allCases[index]) }
        menu.select(0)
    }

    private func show(_ query: RegistryQuery) {
        let name = "\(query)"
        switch query {
        case .registrationRecords:
            let view = records ?? RecordsQueryView(service: service)
            if records == nil { add(view.root, name: name, query: query) }
            records = view
            pages.visibleName = name
            view.focus()
        case .agencyOID, .certificateSerial:
            let view = cardQueries[query] ?? CardQueryView(query, cards: cards, trust: trust)
            if cardQueries[query] == nil { add(view.root, name: name, query: query) }
            cardQueries[query] = view
            pages.visibleName = name
            view.follow()
        case .clerks:
            let view = clerks ?? ClerksQueryView(service: service)
            if clerks == nil { add(view.root, name: name, query: query) }
            clerks = view
            pages.visibleName = name
            view.query()
        }
    }

    private func add(_ page: Widget, name: String, query: RegistryQuery) {
        pages.add(ScrolledWindow(Clamp(page.margins(top: 18, bottom: 18, start: 18, end: 18))), name: name, title: tr(query.title))
    }
}
