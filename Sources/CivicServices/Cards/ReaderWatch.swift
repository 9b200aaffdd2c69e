import CivicCard
import CivicCore
import Foundation
import Synchronization

/// Watches the reader an operation's card sits in, and stops the operation (`OperationControl`)
/// the moment the card leaves it, the reader goes or the reader service stops — a SoftHSM2 token
/// or a card module that caches would otherwise let the work go on without the card.
final class ReaderWatch {
    private let watcher: CardWatcher

    /// Starts watching `reader` and waits until the watcher has seen the card in it. Throws
    /// `removed` (the operation's own words for a card taken out) when the card is not there
    /// within `seconds`.
    init(reader: String, control: OperationControl, removed: Error, seconds: Double = 3) throws {
        let present = DispatchSemaphore(value: 0)
        let seen = Atomic<Bool>(false)
        watcher = CardWatcher { event in
            switch event {
            case .cardInserted(let name, _) where name == reader:
                if !seen.exchange(true, ordering: .relaxed) { present.signal() }
            case .cardRemoved(let name) where name == reader, .readerRemoved(let name) where name == reader:
                control.cardRemoved()
            case .serviceUnavailable:
                control.cardRemoved()
            default:
                break
            }
        }
        guard present.wait(timeout: .now() + seconds) == .success, !control.cardWasRemoved else {
            watcher.stop()
            throw removed
        }
    }

    func stop() {
        watcher.stop()
    }

    /// Runs `body` while `reader` (if any) is watched.
    static func watching<T>(_ reader: String?, control: OperationControl, removed: Error,
                            _ body: () throws -> T) throws -> T {
        guard let reader else { return try body() }
        let watch = try ReaderWatch(reader: reader, control: control, removed: removed)
        defer { watch.stop() }
        return try body()
    }
}
