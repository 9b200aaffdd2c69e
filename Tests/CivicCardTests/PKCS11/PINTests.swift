import CivicCore
import CivicTestSupport
import Testing
@testable import CivicCard

extension TokenLabTests {
    @Suite("PINs on a real token")
    struct PINs {
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

        func token(_ label: String) throws -> Token {
            try module.token(matching: PKCS11URI("pkcs11:token=\(label)"))
        }

        /// SoftHSM2 2.6 (Token::loginUser) sets only CKF_USER_PIN_COUNT_LOW after a wrong PIN and
        /// clears it after a right one: it never reports FINAL_TRY or LOCKED and never locks.
        /// This test states exactly that, so a SoftHSM that starts to lock is noticed; what
        /// CivicDesk says for FINAL_TRY and LOCKED is tested on the flag values in Core.
        @Test("a wrong PIN is reported with the flags SoftHSM2 really sets: count low, nothing more")
        func wrongPINFlags() throws {
            let admin = try token("admin")
            #expect(admin.description.pinStatus == .normal)
            #expect(throws: TokenError.wrongPIN(.triesReduced)) { try admin.login(pin: pin("000000")) }
            for _ in 0..<4 {
                #expect(throws: TokenError.wrongPIN(.triesReduced)) { try admin.login(pin: pin("999999")) }
            }
            let after = try admin.refreshed().description
            #expect(after.pinFlags == [.countLow], "five wrong PINs: SoftHSM2 sets neither FINAL_TRY nor LOCKED")
            #expect(after.pinStatus.warning != nil)
            let login = try admin.login(pin: pin(people.pin))
            login.logout()
            #expect(try admin.refreshed().description.pinFlags == [], "a right PIN clears count low")
        }

        @Test("changing the PIN: the new one works, the old one then fails")
        func changePIN() throws {
            let other = try token("other")
            try other.changePIN(old: pin(people.pin), new: pin("24680Ab"))
            #expect(throws: TokenError.wrongPIN(.triesReduced)) { try other.login(pin: pin(people.pin)) }
            let login = try other.login(pin: pin("24680Ab"))
            #expect(try login.signingKey().certificate.der == (try TestPKI.der("people/other/sign.pem")))
            login.logout()
            try other.changePIN(old: pin("24680Ab"), new: pin(people.pin))
        }

        @Test("new PINs the rules refuse never reach the token; a wrong old PIN is a wrong PIN")
        func refusedChanges() throws {
            let clerk = try token("clerk")
            #expect(throws: TokenError.newPINInvalid(.length(5))) { try clerk.changePIN(old: pin(people.pin), new: pin("12345")) }
            #expect(throws: TokenError.newPINInvalid(.sameAsOld)) { try clerk.changePIN(old: pin(people.pin), new: pin(people.pin)) }
            #expect(try clerk.refreshed().description.pinFlags == [], "the token was not asked")
            let old = pin("111111")
            let new = pin("222222")
            #expect(throws: TokenError.wrongPIN(.triesReduced)) { try clerk.changePIN(old: old, new: new) }
            #expect(old.withBytes { $0.allSatisfy { $0 == 0 } } && new.withBytes { $0.allSatisfy { $0 == 0 } },
                    "both PINs wiped on the failing path too")
            try clerk.login(pin: pin(people.pin)).logout()
        }
    }
}
