import CivicCore
import CivicTestSupport
import Testing
@testable import CivicCard

extension TokenLabTests {
    @Suite("PINs on a real token")
    struct PINs {
        let hsm: SoftHSM

        init() throws {
            hsm = try SoftHSM()
        }

        /// SoftHSM2 2.6 (Token::loginUser) sets only CKF_USER_PIN_COUNT_LOW after a wrong PIN and
        /// clears it after a right one: it never reports FINAL_TRY or LOCKED and never locks.
        /// This test states exactly that, so a SoftHSM that starts to lock is noticed; what
        /// CivicDesk says for FINAL_TRY and LOCKED is tested on the flag values in Core.
        @Test("a wrong PIN is reported with the flags SoftHSM2 really sets: count low, nothing more")
        func wrongPINFlags() throws {
            let admin = try hsm.token("pkcs11:token=admin")
            #expect(admin.description.pinStatus == .normal)
            #expect(throws: TokenError.wrongPIN(.triesReduced)) { try admin.login(pin: hsm.pin("000000")) }
            for _ in 0..<4 {
                #expect(throws: TokenError.wrongPIN(.triesReduced)) { try admin.login(pin: hsm.pin("999999")) }
            }
            let after = try admin.refreshed().description
            #expect(after.pinFlags == [.countLow], "five wrong PINs: SoftHSM2 sets neither FINAL_TRY nor LOCKED")
            #expect(after.pinStatus.warning != nil)
            let login = try admin.login(pin: hsm.pin(hsm.people.pin))
            login.logout()
            #expect(try admin.refreshed().description.pinFlags == [], "a right PIN clears count low")
        }

        @Test("changing the PIN: the new one works, the old one then fails")
        func changePIN() throws {
            let other = try hsm.token("pkcs11:token=other")
            try other.changePIN(old: hsm.pin(hsm.people.pin), new: hsm.pin("24680Ab"))
            #expect(throws: TokenError.wrongPIN(.triesReduced)) { try other.login(pin: hsm.pin(hsm.people.pin)) }
            let login = try other.login(pin: hsm.pin("24680Ab"))
            #expect(try login.signingKey().certificate.der == (try TestPKI.der("people/other/sign.pem")))
            login.logout()
            try other.changePIN(old: hsm.pin("24680Ab"), new: hsm.pin(hsm.people.pin))
        }

        @Test("new PINs the rules refuse never reach the token; a wrong old PIN is a wrong PIN")
        func refusedChanges() throws {
            let clerk = try hsm.token("pkcs11:token=clerk")
            let pin = hsm.people.pin
            #expect(throws: TokenError.newPINInvalid(.length(5))) { try clerk.changePIN(old: hsm.pin(pin), new: hsm.pin("12345")) }
            #expect(throws: TokenError.newPINInvalid(.sameAsOld)) { try clerk.changePIN(old: hsm.pin(pin), new: hsm.pin(pin)) }
            #expect(try clerk.refreshed().description.pinFlags == [], "the token was not asked")
            let old = hsm.pin("111111")
            let new = hsm.pin("222222")
            #expect(throws: TokenError.wrongPIN(.triesReduced)) { try clerk.changePIN(old: old, new: new) }
            #expect(old.withBytes { $0.allSatisfy { $0 == 0 } } && new.withBytes { $0.allSatisfy { $0 == 0 } },
                    "both PINs wiped on the failing path too")
            try clerk.login(pin: hsm.pin(hsm.people.pin)).logout()
        }
    }
}
