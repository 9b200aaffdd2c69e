import CivicCard
import CivicCore

/// The readers and cards as they are now, for every area of the window: one card watcher, whose
/// events reach the main thread, applied to Core's `ReadersPage`; each inserted card is read
/// (and its certificates judged) once, in the background. Areas observe it and draw what they
/// need from `page`: the readers page all of it, a wizard's card step the card it asks for.
@MainActor
final class LiveCards {
    private(set) var page = ReadersPage()
    private let services: AppServices
    private var watcher: CardWatcher?
    private var observers: [Observer] = []

    private struct Observer {
        weak var owner: AnyObject?
        let changed: @MainActor () -> Void
    }

    init(services: AppServices) {
        self.services = services
        watcher = CardWatcher { [weak self] event in
            MainThread.async { self?.apply(event) }
        }
    }

    /// Calls `changed` after every change, as long as `owner` lives.
    func observe(_ owner: AnyObject, _ changed: @escaping @MainActor () -> Void) {
        observers.append(Observer(owner: owner, changed: changed))
    }

    /// Shows the card in `reader` (the user picked it on the readers page).
    func select(reader: String) {
        page.select(reader: reader)
        notify()
    }

    /// Reads the shown card again after a failed read.
    func retry() {
        if let request = page.retry() { read(request) }
        notify()
    }

    private func apply(_ event: CardEvent) {
        if let request = page.apply(event) { read(request) }
        notify()
    }

    private func read(_ request: ReadersPage.ReadRequest) {
        let services = services
        MainThread.background({
            Result { () throws(CardError) -> CardReading in try services.readCard(in: request.reader) }
        }, then: { [weak self] result in
            self?.page.finish(request, with: result)
            self?.notify()
        })
    }

    private func notify() {
        observers.removeAll { $0.owner == nil }
        for observer in observers { observer.changed() }
    }
}
