import Testing
@testable import CivicCore

@Suite("營利事業統一編號")
struct BusinessIDTests {
    @Test("valid under the ÷10 rule", arguments: ["04595257", "22099131", "12345675", "10458575", "10458574", "00000000"])
    func classic(number: String) {
        #expect(BusinessID.check(number) == .success(.divisibleByTen))
    }

    @Test("valid only since the ÷5 rule of 2023", arguments: ["04595252", "12345670"])
    func extended(number: String) {
        #expect(BusinessID.check(number) == .success(.divisibleByFive))
    }

    @Test("invalid", arguments: ["22099137", "04595258", "12345678"])
    func invalid(number: String) {
        #expect(BusinessID.check(number) == .failure(.checksum))
    }

    @Test("not eight digits", arguments: ["", "1234567", "123456789", "1234567A", "１２３４５６７８"])
    func shape(text: String) {
        #expect(BusinessID.check(text) == .failure(.notEightDigits))
    }
}
