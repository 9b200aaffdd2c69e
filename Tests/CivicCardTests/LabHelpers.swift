import CivicCard
import CivicCore
import CivicTestSupport
import Foundation
import Synchronization
import Testing

/// Tests that change the shared lab's card or its pcscd, one at a time.
@Suite("PC/SC against the card lab (pcscd + vpcd + civicdesk-cardsim)", .serialized)
struct CardLabTests {}

/// PKCS#11 tests share the tokens' login state (it is per token and per process): one at a time.
@Suite("PKCS#11 against SoftHSM2 tokens of the test PKI", .serialized)
struct TokenLabTests {}

extension CardLab {
    /// Puts `card` in the first reader (taking out whatever is there first) and waits until the
    /// reader service sees it; nil leaves the reader empty.
    func present(_ card: String?) throws {
        let status = try control("status")
        if let card, status.hasPrefix("ok inserted \(card) ") { return }
        if !status.hasPrefix("ok removed") {
            try control("remove")
            try waitForCard(false)
        }
        guard let card else { return }
        try control("insert \(card)")
        try waitForCard(true)
    }

    func waitForCard(_ present: Bool, within seconds: Double = 5) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if (try? CardService().readers().first { $0.name == readerName }?.hasCard) == present { return }
            usleep(20_000)
        }
        throw Failure(description: "the reader did not become \(present ? "full" : "empty") in \(seconds) s")
    }
}

/// What the token tests share: the shared lab's SoftHSM2 module, the tokens and the test PINs.
struct SoftHSM {
    let module: PKCS11Module
    let people: TestPKI.People

    init() throws {
        _ = try CardLab.shared()
        module = try PKCS11Module.load(for: nil)
        people = try TestPKI.people()
    }

    func pin(_ text: String) -> PINCode {
        var bytes = Array(text.utf8)
        return PINCode(wiping: &bytes)
    }

    func token(_ uri: String) throws -> Token {
        try module.token(matching: PKCS11URI(uri))
    }
}

/// Collects a watcher's events for a test to wait on.
final class EventRecorder: Sendable {
    private let events = Mutex<[CardEvent]>([])

    func record(_ event: CardEvent) {
        events.withLock { $0.append(event) }
    }

    var all: [CardEvent] { events.withLock { $0 } }

    /// Waits until `event` has been recorded (counting from index `after`); returns how long it took.
    func wait(for event: CardEvent, after start: Int = 0, within seconds: Double) -> Duration? {
        let clock = ContinuousClock()
        let begin = clock.now
        while clock.now - begin < .seconds(seconds) {
            if all.dropFirst(start).contains(event) { return clock.now - begin }
            usleep(5_000)
        }
        return nil
    }
}
