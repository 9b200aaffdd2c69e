import CivicCore
import CPCSCLite

/// A PC/SC return code and what it means to a user. Every PC/SC call in CivicCard goes through
/// `check`, so no status escapes unmapped.
struct PCSCStatus: Equatable {
    let code: LONG

    static func check(_ code: LONG, reader: String?) throws(CardError) {
        guard code != SCARD_S_SUCCESS else { return }
        throw PCSCStatus(code: code).error(reader: reader)
    }

    /// The user's view of this status.
    func error(reader: String?) -> CardError {
        let name = reader ?? ""
        switch code {
        case SCARD_E_NO_SERVICE, SCARD_E_SERVICE_STOPPED, SCARD_F_COMM_ERROR:
            return .serviceUnavailable
        case SCARD_E_NO_READERS_AVAILABLE:
            return .noReader
        case SCARD_E_UNKNOWN_READER, SCARD_E_READER_UNAVAILABLE:
            return reader.map { .readerNotFound($0) } ?? .noReader
        case SCARD_E_NO_SMARTCARD:
            return .noCard(reader: name)
        case SCARD_W_REMOVED_CARD:
            return .cardRemoved(reader: name)
        case SCARD_E_SHARING_VIOLATION:
            return .cardInUse(reader: name)
        case SCARD_W_UNRESPONSIVE_CARD, SCARD_W_UNPOWERED_CARD, SCARD_W_UNSUPPORTED_CARD, SCARD_E_TIMEOUT,
             SCARD_E_NOT_TRANSACTED, SCARD_E_PROTO_MISMATCH, SCARD_E_COMM_DATA_LOST:
            return .unresponsiveCard(reader: name)
        default:
            return .readerFailure(reader: reader, code: UInt32(truncatingIfNeeded: code))
        }
    }
}
