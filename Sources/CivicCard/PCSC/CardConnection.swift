import CivicCore
import CPCSCLite
import Foundation

/// One connection to the card in a reader (an SCARDHANDLE), disconnected when this goes away.
final class CardConnection {
    let reader: String
    private let context: PCSCContext
    private let handle: SCARDHANDLE
    private let activeProtocol: DWORD

    /// `exclusive` keeps every other program away from the card while connected.
    init(context: PCSCContext, reader: String, exclusive: Bool = false) throws(CardError) {
        var handle: SCARDHANDLE = 0
        var activeProtocol: DWORD = 0
        let share = exclusive ? SCARD_SHARE_EXCLUSIVE : SCARD_SHARE_SHARED
        try PCSCStatus.check(SCardConnect(context.handle, reader, DWORD(share), DWORD(SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1),
                                          &handle, &activeProtocol), reader: reader)
        self.context = context
        self.reader = reader
        self.handle = handle
        self.activeProtocol = activeProtocol
    }

    deinit {
        SCardDisconnect(handle, DWORD(SCARD_LEAVE_CARD))
    }

    /// The card's answer to reset.
    func atr() throws(CardError) -> [UInt8] {
        var atr = [UInt8](repeating: 0, count: Int(MAX_ATR_SIZE))
        var atrLength = DWORD(atr.count)
        var state: DWORD = 0
        var usedProtocol: DWORD = 0
        var nameLength: DWORD = 0
        try check(SCardStatus(handle, nil, &nameLength, &state, &usedProtocol, &atr, &atrLength))
        return Array(atr.prefix(Int(atrLength)))
    }

    /// Runs `body` inside a PC/SC transaction, so no other program's commands come between ours.
    func transaction<Result>(_ body: () throws(CardError) -> Result) throws(CardError) -> Result {
        try check(SCardBeginTransaction(handle))
        defer { SCardEndTransaction(handle, DWORD(SCARD_LEAVE_CARD)) }
        return try body()
    }

    func transmit(_ command: CommandAPDU) throws(CardError) -> ResponseAPDU {
        let bytes = command.bytes
        var received = [UInt8](repeating: 0, count: 258)
        var receivedLength = DWORD(received.count)
        // What SCARD_PCI_T0 / SCARD_PCI_T1 point to, for the protocol in use.
        var pci = SCARD_IO_REQUEST(dwProtocol: UInt(activeProtocol), cbPciLength: UInt(MemoryLayout<SCARD_IO_REQUEST>.size))
        let status = SCardTransmit(handle, &pci, bytes, DWORD(bytes.count), nil, &received, &receivedLength)
        // A card pulled out mid-command shows as a transmit failure, or (through vpcd) as an
        // answer without status bytes, before the service notices the removal.
        guard status == SCARD_S_SUCCESS, let response = ResponseAPDU(bytes: Array(received.prefix(Int(receivedLength))))
        else { throw failure(status) }
        return response
    }

    private func check(_ status: LONG) throws(CardError) {
        guard status != SCARD_S_SUCCESS else { return }
        throw failure(status)
    }

    /// Why a command failed. A failure that may mean the card went away waits (up to 1.5 s; the
    /// service polls readers every 0.4 s) to tell a removed card from one that stopped answering.
    private func failure(_ status: LONG) -> CardError {
        let error = status == SCARD_S_SUCCESS ? .unresponsiveCard(reader: reader) : PCSCStatus(code: status).error(reader: reader)
        switch error {
        case .unresponsiveCard, .readerFailure:
            return cardGone() ? .cardRemoved(reader: reader) : error
        default:
            return error
        }
    }

    private func cardGone() -> Bool {
        var known: [String: DWORD] = [:]
        let deadline = Date().addingTimeInterval(1.5)
        while Date() < deadline {
            let remaining = DWORD(max(1, deadline.timeIntervalSinceNow * 1000))
            guard let observation = try? context.observe([reader], known: known, timeout: known.isEmpty ? 0 : remaining,
                                                         watchingReaderList: false) else { return false }
            guard let state = observation.readers.first else { return true }
            if !state.hasCard { return true }
            known = observation.raw
        }
        return false
    }
}
