import Testing
@testable import CivicCore

@Suite("PIN codes, the new-PIN rules and what the PIN flags mean")
struct PINTests {
    func pin(_ text: String) -> PINCode {
        CardFixtures.pin(text)
    }

    @Test func takingAPINWipesTheSourceAndWipingClearsIt() {
        var bytes = Array("123456".utf8)
        let code = PINCode(wiping: &bytes)
        #expect(bytes == [0, 0, 0, 0, 0, 0])
        #expect(code.withBytes { Array($0) } == Array("123456".utf8))
        code.wipe()
        #expect(code.withBytes { Array($0) } == [0, 0, 0, 0, 0, 0])
        #expect(code.count == 6)
    }

    @Test("new PINs have 6 to 8 letters or digits", arguments: [
        ("12345", PINPolicy.Problem.length(5)), ("123456789", .length(9)), ("12 456", .characters),
        ("密碼1234", .length(10)), ("1234-6", .characters), ("123456", .sameAsOld),
    ])
    func refused(new: String, problem: PINPolicy.Problem) {
        #expect(throws: problem) { try PINPolicy.checkNewPIN(pin(new), old: pin("123456")) }
    }

    @Test(arguments: ["654321", "abcDEF12", "A1b2c3d"])
    func accepted(new: String) throws {
        try PINPolicy.checkNewPIN(pin(new), old: pin("123456"))
    }

    @Test func confirmation() throws {
        try PINPolicy.checkConfirmation(pin("654321"), pin("654321"))
        #expect(throws: PINPolicy.Problem.confirmationDiffers) { try PINPolicy.checkConfirmation(pin("654321"), pin("654322")) }
    }

    @Test("flags to status: lock beats final try beats count low")
    func statusFromFlags() {
        #expect(PINStatus(flags: []) == .normal)
        #expect(PINStatus(flags: [.toBeChanged]) == .normal)
        #expect(PINStatus(flags: [.countLow]) == .triesReduced)
        #expect(PINStatus(flags: [.countLow, .finalTry]) == .finalTry)
        #expect(PINStatus(flags: [.finalTry, .locked]) == .locked)
        #expect(PINFlags.countLow.rawValue == 0x10000 && PINFlags.finalTry.rawValue == 0x20000
                && PINFlags.locked.rawValue == 0x40000 && PINFlags.toBeChanged.rawValue == 0x80000,
                "the CKF_USER_PIN_* values of PKCS#11")
    }

    @Test("only what the token says: a number for the final try and the lock, none for count low")
    func triesLeft() {
        #expect(PINStatus.finalTry.triesLeft == 1)
        #expect(PINStatus.locked.triesLeft == 0)
        #expect(PINStatus.triesReduced.triesLeft == nil)
        #expect(PINStatus.normal.triesLeft == nil)
    }

    @Test func messages() {
        #expect(PINStatus.finalTry.wrongPINMessage.zh.hasPrefix("PIN 碼錯誤，還可再試 1 次"))
        #expect(PINStatus.finalTry.warning?.zh.contains("鎖住") == true)
        #expect(PINStatus.locked.wrongPINMessage.zh.contains("戶政事務所"))
        #expect(TokenError.pinLocked.message == PINStatus.locked.wrongPINMessage)
        #expect(!PINStatus.triesReduced.wrongPINMessage.zh.contains("次數：2"), "count low carries no number")
        #expect(PINStatus.triesReduced.wrongPINMessage.zh.contains("沒有告知確切次數"))
        #expect(PINStatus.normal.warning == nil)
        #expect(TokenError.wrongPIN(.finalTry).message.en.contains("1 try is left"))
    }
}
