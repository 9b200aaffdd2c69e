import CivicCore
import CPCSCLite
import Testing
@testable import CivicCard

@Suite("Every PC/SC status a user can meet has its message")
struct PCSCStatusTests {
    @Test(arguments: [
        (SCARD_E_NO_SERVICE, CardError.serviceUnavailable), (SCARD_E_SERVICE_STOPPED, .serviceUnavailable),
        (SCARD_E_NO_READERS_AVAILABLE, .noReader), (SCARD_E_UNKNOWN_READER, .readerNotFound("R")),
        (SCARD_E_READER_UNAVAILABLE, .readerNotFound("R")), (SCARD_E_NO_SMARTCARD, .noCard(reader: "R")),
        (SCARD_W_REMOVED_CARD, .cardRemoved(reader: "R")), (SCARD_E_SHARING_VIOLATION, .cardInUse(reader: "R")),
        (SCARD_W_UNRESPONSIVE_CARD, .unresponsiveCard(reader: "R")), (SCARD_E_TIMEOUT, .unresponsiveCard(reader: "R")),
        (SCARD_E_NOT_TRANSACTED, .unresponsiveCard(reader: "R")),
        (SCARD_F_INTERNAL_ERROR, .readerFailure(reader: "R", code: 0x8010_0001)),
    ])
    func mapped(code: LONG, error: CardError) {
        #expect(PCSCStatus(code: code).error(reader: "R") == error)
        #expect(!error.message.zh.isEmpty && !error.message.en.isEmpty)
    }

    @Test func withoutAReaderNameAReaderProblemIsNoReader() {
        #expect(PCSCStatus(code: SCARD_E_UNKNOWN_READER).error(reader: nil) == .noReader)
        #expect(CardError.readerFailure(reader: nil, code: 0x8010_0001).message.zh.contains("0x80100001"))
    }
}
