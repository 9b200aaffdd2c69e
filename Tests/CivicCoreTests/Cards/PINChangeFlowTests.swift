import Testing
@testable import CivicCore

@Suite("The change-PIN dialog's steps")
struct PINChangeFlowTests {
    func pin(_ text: String) -> PINCode {
        CardFixtures.pin(text)
    }

    func wiped(_ codes: PINCode...) -> Bool {
        codes.allSatisfy { $0.withBytes { $0.allSatisfy { $0 == 0 } } }
    }

    func asking(_ status: PINStatus = .normal) -> PINChangeFlow {
        var flow = PINChangeFlow()
        flow.tokenFound(pinStatus: status)
        return flow
    }

    @Test("the token's PIN state decides the first step: ask, ask with a warning, or refuse")
    func firstStep() {
        #expect(asking().step == .asking(error: nil, warning: nil))
        #expect(asking(.finalTry).step == .asking(error: nil, warning: PINStatus.finalTry.warning))
        #expect(asking(.locked).step == .impossible(PINStatus.lockedMessage))
        var missing = PINChangeFlow()
        missing.tokenMissing(nil)
        #expect(missing.step == .impossible(PINChangeFlow.noTokenMessage))
        var broken = PINChangeFlow()
        broken.tokenMissing(.moduleNotFound(searched: ["/usr/lib/libHicos_p11.so"]))
        #expect(broken.step == .impossible(TokenError.moduleNotFound(searched: ["/usr/lib/libHicos_p11.so"]).message))
    }

    @Test("slips are caught before the card is asked, and every PIN is wiped",
          arguments: [("", "654321", "654321", "請輸入目前的 PIN 碼。"),
                      ("12345", "654321", "654321", "目前的 PIN 碼應為 6 到 8 碼，輸入的是 5 碼"),
                      ("123456", "6543", "6543", PINPolicy.Problem.length(4).message.zh),
                      ("123456", "123456", "123456", PINPolicy.Problem.sameAsOld.message.zh),
                      ("123456", "654321", "654312", PINPolicy.Problem.confirmationDiffers.message.zh)])
    func slips(current: String, new: String, again: String, message: String) throws {
        var flow = asking(.triesReduced)
        let codes = (pin(current), pin(new), pin(again))
        let accepted = flow.submit(current: codes.0, new: codes.1, again: codes.2)
        #expect(!accepted)
        guard case .asking(let error, let warning) = flow.step else { throw FlowFailure.step(flow.step) }
        #expect(error?.zh.hasPrefix(message) == true)
        #expect(warning == PINStatus.triesReduced.warning, "the earlier wrong PINs are still worth a warning")
        #expect(wiped(codes.0, codes.1, codes.2))
    }

    @Test("good PINs go to the token; its answers lead on")
    func answers() {
        var flow = asking()
        let current = pin("123456"), new = pin("654321"), again = pin("654321")
        let accepted = flow.submit(current: current, new: new, again: again)
        #expect(accepted)
        #expect(flow.step == .changing)
        #expect(!wiped(current) && !wiped(new) && wiped(again), "the token gets the two it needs")
        flow.cancel()
        #expect(flow.step == .changing, "a change under way cannot be cancelled")
        flow.finished(.failure(.wrongPIN(.finalTry)))
        #expect(flow.step == .asking(error: PINStatus.finalTry.wrongPINMessage, warning: nil))
        let acceptedAgain = flow.submit(current: pin("123456"), new: pin("654321"), again: pin("654321"))
        #expect(acceptedAgain)
        flow.finished(.success(()))
        #expect(flow.step == .changed)

        var locked = asking()
        _ = locked.submit(current: pin("111111"), new: pin("654321"), again: pin("654321"))
        locked.finished(.failure(.pinLocked))
        #expect(locked.step == .impossible(PINStatus.lockedMessage))

        var rejected = asking()
        _ = rejected.submit(current: pin("123456"), new: pin("654321"), again: pin("654321"))
        rejected.finished(.failure(.newPINRejected))
        #expect(rejected.step == .asking(error: TokenError.newPINRejected.message, warning: nil))

        var removed = asking()
        _ = removed.submit(current: pin("123456"), new: pin("654321"), again: pin("654321"))
        removed.finished(.failure(.tokenRemoved))
        #expect(removed.step == .impossible(TokenError.tokenRemoved.message))
        removed.cancel()
        #expect(removed.step == .cancelled)
    }

    enum FlowFailure: Error {
        case step(PINChangeFlow.Step)
    }
}
