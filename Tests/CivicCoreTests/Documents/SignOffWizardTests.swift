import Testing
@testable import CivicCore

@Suite("The sign-off wizard: confirm → card → PIN → signing → done")
struct SignOffWizardTests {
    @Test func signsAndSaysWhereTheLetterStands() {
        var wizard = SignOffWizard(letterID: "1150000001", step: .approve)
        #expect(wizard.stage == .setup && wizard.title.zh == "決行公文")
        wizard.next()
        #expect(wizard.stage == .card && !wizard.canGoNext)
        #expect(wizard.problem == CardRequest.documentSigner.absent)
        wizard.cardChanged(.present(holder: "王大明"))
        wizard.next()
        #expect(wizard.stage == .pin)
        wizard.pinChecked(nil)
        #expect(wizard.stage == .working)
        wizard.signed(state: .approved, number: nil)
        #expect(wizard.stage == .finished && wizard.outcome.zh == "已決行，簽章已記錄在公文的簽核歷程。")
    }

    @Test func aRefusedStepGoesBackToTheFirstPageWithTheReason() {
        var wizard = SignOffWizard(letterID: "1150000001", step: .dispatch)
        wizard.next()
        wizard.cardChanged(.present(holder: "王大明"))
        wizard.next()
        wizard.pinChecked(nil)
        let reason = UserMessage(zh: "您沒有「發文」的權限", en: "No permission")
        wizard.signFailed(reason)
        #expect(wizard.step == .setup && wizard.problem == reason)
        wizard.next()
        #expect(wizard.step == .card)
    }

    @Test func theCardTakenOutAtThePINGoesBackToTheCardStep() {
        var wizard = SignOffWizard(letterID: "1", step: .submit)
        wizard.next()
        wizard.cardChanged(.present(holder: "王大明"))
        wizard.next()
        wizard.cardChanged(.absent)
        #expect(wizard.step == .card)
        wizard.back()
        #expect(wizard.step == .setup)
    }

    @Test func dispatchSaysTheNumberTaken() {
        var wizard = SignOffWizard(letterID: "1", step: .dispatch)
        wizard.next()
        wizard.cardChanged(.present(holder: "王大明"))
        wizard.next()
        wizard.pinChecked(nil)
        wizard.signed(state: .dispatched, number: "議秘字第1150000001號")
        #expect(wizard.outcome.zh == "已發文，發文字號 議秘字第1150000001號。")
    }
}
