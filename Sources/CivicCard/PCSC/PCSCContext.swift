import CivicCore
import CPCSCLite
import Foundation

/// One connection to the reader service (an SCARDCONTEXT), released when this goes away.
/// `cancel()` may be called from any thread to end a blocking `waitForChange`.
final class PCSCContext: @unchecked Sendable {
    // @unchecked: the handle never changes; pcsc-lite allows SCardCancel from another thread,
    // and every other call is made by the one thread that uses this context.
    let handle: SCARDCONTEXT

    /// The pseudo-reader whose state changes when a reader is connected or disconnected.
    static let plugAndPlayReader = "\\\\?PnP?\\Notification"

    init() throws(CardError) {
        var handle: SCARDCONTEXT = 0
        try PCSCStatus.check(SCardEstablishContext(DWORD(SCARD_SCOPE_SYSTEM), nil, nil, &handle), reader: nil)
        self.handle = handle
    }

    deinit {
        SCardReleaseContext(handle)
    }

    func cancel() {
        SCardCancel(handle)
    }

    /// The connected readers; empty when there are none.
    func readerNames() throws(CardError) -> [String] {
        var length: DWORD = 0
        var status = SCardListReaders(handle, nil, nil, &length)
        if status == SCARD_E_NO_READERS_AVAILABLE { return [] }
        try PCSCStatus.check(status, reader: nil)
        var buffer = [CChar](repeating: 0, count: Int(length))
        status = SCardListReaders(handle, nil, &buffer, &length)
        if status == SCARD_E_NO_READERS_AVAILABLE { return [] }
        try PCSCStatus.check(status, reader: nil)
        // A multi-string: names separated by NUL, ended by an empty name.
        return buffer.split(separator: 0).map { String(decoding: $0.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
    }

    /// The readers' states as the service last saw them, with the raw state words to wait on next.
    struct Observation {
        var readers: [ReaderState]
        /// dwEventState by reader name (the plug-and-play pseudo-reader included when watched).
        var raw: [String: DWORD]
        /// A reader disappeared or appeared (plug-and-play), or a watched one is gone: list them again.
        var readerListChanged: Bool
    }

    /// Waits up to `timeout` ms (0: answers at once) until a reader's state differs from its
    /// word in `known` (a reader missing from `known` differs at once); nil when the time ran out
    /// or `cancel()` ended the wait.
    func observe(_ names: [String], known: [String: DWORD], timeout: DWORD,
                 watchingReaderList: Bool) throws(CardError) -> Observation? {
        let all = names + (watchingReaderList ? [Self.plugAndPlayReader] : [])
        let cNames = all.map { strdup($0) }
        defer { cNames.forEach { free($0) } }
        var states = zip(all, cNames).map { name, cName in
            var state = SCARD_READERSTATE()
            state.szReader = UnsafePointer(cName)
            state.dwCurrentState = known[name] ?? DWORD(SCARD_STATE_UNAWARE)
            return state
        }
        let status = SCardGetStatusChange(handle, timeout, &states, DWORD(states.count))
        if status == SCARD_E_TIMEOUT || status == SCARD_E_CANCELLED { return nil }
        try PCSCStatus.check(status, reader: names.count == 1 ? names[0] : nil)
        var observation = Observation(readers: [], raw: [:], readerListChanged: false)
        for (name, state) in zip(all, states) {
            let flags = Int32(truncatingIfNeeded: state.dwEventState & 0xFFFF)
            observation.raw[name] = state.dwEventState & ~DWORD(SCARD_STATE_CHANGED)
            if name == Self.plugAndPlayReader {
                observation.readerListChanged = observation.readerListChanged || known[name] != nil && flags & SCARD_STATE_CHANGED != 0
                continue
            }
            if flags & (SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE) != 0 {
                observation.readerListChanged = true
                continue
            }
            var atr: [UInt8]?
            if flags & SCARD_STATE_PRESENT != 0 {
                atr = withUnsafeBytes(of: state.rgbAtr) { Array($0.prefix(Int(state.cbAtr))) }
            }
            observation.readers.append(ReaderState(name: name, cardATR: atr,
                                                   changeCount: Int(state.dwEventState >> 16 & 0xFFFF)))
        }
        return observation
    }
}
