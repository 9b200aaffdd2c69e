import CivicCardSim
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The running card: one event loop (poll) over the vpcd connection and the control socket, so
/// the card's state changes only between two whole messages and never needs a lock.
final class Simulator {
    private let cards: TestPKICards
    private var persona: CardPersona
    private var card: VirtualCard
    /// Whether the card is "in the reader": connected to vpcd, or trying to connect.
    private var inserted: Bool
    private var connection: Int32 = -1
    private let vpcd: VPCDAddress
    private let listener: Int32?
    /// After this many more APDUs the card is pulled instead of answering (`remove-after N`).
    private var apdusBeforeRemoval: Int?
    /// `mute`: the card stays in the reader but answers every APDU with one byte and no status
    /// word, like a card with a dirty contact, until it is removed.
    private var mute = false
    private var apduCount = 0

    /// vpcd's one-byte control messages.
    private enum ControlByte: UInt8 {
        case powerOff = 0, powerOn = 1, reset = 2, atr = 4
    }

    init(cards: TestPKICards, persona: CardPersona, card: VirtualCard, inserted: Bool, vpcd: VPCDAddress,
         controlPath: String?) throws {
        self.cards = cards
        self.persona = persona
        self.card = card
        self.inserted = inserted
        self.vpcd = vpcd
        listener = try controlPath.map { try Sockets.listen(unixPath: $0) }
        signal(SIGPIPE, SIG_IGN)
    }

    func run() -> Never {
        while true {
            if inserted && connection < 0, let descriptor = Sockets.connect(to: vpcd) {
                connection = descriptor
            }
            var descriptors: [pollfd] = []
            if let listener { descriptors.append(pollfd(fd: listener, events: Int16(POLLIN), revents: 0)) }
            if connection >= 0 { descriptors.append(pollfd(fd: connection, events: Int16(POLLIN), revents: 0)) }
            // While inserted but not yet connected (pcscd not up, or restarting), retry every 100 ms.
            let timeout: Int32 = inserted && connection < 0 ? 100 : -1
            guard poll(&descriptors, nfds_t(descriptors.count), timeout) > 0 else { continue }
            for descriptor in descriptors where descriptor.revents != 0 {
                if descriptor.fd == listener {
                    serveControlClient()
                } else if descriptor.fd == connection {
                    serveVPCD()
                }
            }
        }
    }

    // MARK: vpcd

    private func serveVPCD() {
        guard let header = Sockets.read(connection, count: 2) else { return disconnect() }
        Sockets.acknowledgeNow(connection)
        let length = Int(header[0]) << 8 | Int(header[1])
        guard let message = Sockets.read(connection, count: length) else { return disconnect() }
        if length == 1, let control = ControlByte(rawValue: message[0]) {
            switch control {
            case .powerOff, .powerOn: break
            case .reset: card.reset()
            case .atr: send(card.atr)
            }
            return
        }
        if let remaining = apdusBeforeRemoval {
            guard remaining > 0 else { return pull() }
            apdusBeforeRemoval = remaining - 1
        }
        apduCount += 1
        send(mute ? [0x00] : card.respond(to: message))
    }

    private func send(_ payload: [UInt8]) {
        let framed = [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)] + payload
        if !Sockets.write(connection, framed) { disconnect() }
    }

    /// vpcd went away (pcscd stopped): the card stays "inserted" and reconnects when it returns.
    private func disconnect() {
        close(connection)
        connection = -1
        card.reset()
    }

    /// The card leaves the reader.
    private func pull() {
        if connection >= 0 { disconnect() }
        inserted = false
        apdusBeforeRemoval = nil
        mute = false
    }

    // MARK: control socket

    private func serveControlClient() {
        guard let listener else { return }
        let client = accept(listener, nil, nil)
        guard client >= 0 else { return }
        defer { close(client) }
        var line: [UInt8] = []
        while line.count < 256, let byte = Sockets.read(client, count: 1), byte != [0x0A] {
            line += byte
        }
        let answer = execute(String(decoding: line, as: UTF8.self).split(separator: " ").map(String.init))
        Sockets.write(client, Array((answer + "\n").utf8))
    }

    private func execute(_ words: [String]) -> String {
        switch (words.first, words.count) {
        case ("insert", 1...2):
            guard !inserted else { return "error: a card is already inserted (\(persona)); remove it first" }
            if words.count == 2 {
                guard let chosen = CardPersona(words[1]) else { return "error: unknown card \(words[1])" }
                do {
                    card = try cards.card(chosen)
                } catch {
                    return "error: \(error)"
                }
                persona = chosen
            }
            card.reset()
            inserted = true
            apduCount = 0
            return "ok inserted \(persona)"
        case ("remove", 1):
            pull()
            return "ok removed"
        case ("remove-after", 2):
            guard inserted, let count = Int(words[1]), count >= 0 else { return "error: usage: remove-after N (card inserted)" }
            apdusBeforeRemoval = count
            return "ok removing after \(count) APDUs"
        case ("mute", 1):
            guard inserted else { return "error: no card inserted" }
            mute = true
            return "ok mute"
        case ("status", 1):
            let state = inserted ? (connection >= 0 ? "inserted" : "inserting") : "removed"
            return "ok \(state) \(persona) apdus=\(apduCount)"
        default:
            return "error: unknown command; use insert [CARD], remove, remove-after N, mute or status"
        }
    }
}
