import CGtk
import CivicCore
import CivicCrypto
import CivicServices

/// 查詢作業: the seed's four queries (`RegistryQuery`) in a menu of their own beside the chosen
/// query's view. Each view is made the first time its query is chosen (a card query then follows
/// the readers), so the area's other wizards keep the readers to themselves until then.
@MainActor
final class RegistryQueriesPage {
    let root = Box(vertical: false)

    private let service: RegistryService
    private let trust: Result<TrustStore, Error>
    private let cards: LiveCards
    private let pages = Stack()
    private var records: RecordsQueryView?
    private var cardQueries: [RegistryQuery: CardQueryView] = [:]
    private var clerks: ClerksQueryView?

    init(service: RegistryService, trust: Result<TrustStore, Error>, cards: LiveCards) {
        self.service = service
        self.trust = trust
        self.cards = cards
        let queries = RegistryQuery.allCases
        let menu = ListBox()
        menu.style("navigation-sidebar")
        menu.accessibleName(tr("查詢作業功能選單"))
        for query in queries {
            let title = tr(query.title)
            menu.appendRow(Label(title, wrap: true).xalign(0).margins(top: 6, bottom: 6, start: 6, end: 6), name: title)
        }
        menu.onSelectionChanged { [weak self] index in
            guard let index, queries.indices.contains(index) else { return }
            self?.show(queries[index])
        }
        root.append(ScrolledWindow(menu).size(width: 170, height: -1))
            .append(Separator(vertical: true))
            .append(pages.expand(horizontally: true, vertically: true))
        menu.selectedIndex = 0
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
