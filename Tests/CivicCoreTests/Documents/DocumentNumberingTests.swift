import Testing
@testable import CivicCore

@Suite("發文字號 sequences")
struct DocumentNumberingTests {
    let key = NumberSequenceKey(agencyCode: "3800000000", word: "議秘", year: 113)

    @Test func sequenceRunsFromOneAndStopsAtSevenDigits() {
        #expect(key.serial(after: nil) == 1)
        #expect(key.serial(after: 122) == 123)
        #expect(key.serial(after: 9_999_999) == nil)
        #expect(key.number(123).text == "議秘字第1130000123號")
    }

    @Test func keyOfALetterTakesTheDatesYear() {
        let letter = LetterFixtures.sample
        let key = NumberSequenceKey(letter: letter, date: CivilDate(year: 2024, month: 12, day: 31)!)
        #expect(key == NumberSequenceKey(agencyCode: "XA12345678", word: "〇〇議員", year: 113))
    }

    @Test func parsesWrittenNumbers() {
        #expect(DocumentNumber(text: "議秘字第1130000123號") == DocumentNumber(word: "議秘", year: 113, serial: 123))
        #expect(DocumentNumber(text: " 府授秘字第11300001231號 ") == DocumentNumber(word: "府授秘", year: 113, serial: 123, branch: 1))
        #expect(DocumentNumber(text: "議秘字第123號") == nil)
        #expect(DocumentNumber(text: "字第1130000123號") == nil)
        #expect(DocumentNumber(text: "議秘字第11300001２3號") == nil)
        for number in [DocumentNumber(word: "議秘", year: 99, serial: 1), DocumentNumber(word: "議秘", year: 113, serial: 45, branch: 12)] {
            #expect(DocumentNumber(text: number.text) == number)
        }
    }

    @Test func ledgerAuditFindsGapsAndDoubles() {
        let at = Timestamp(rfc3339: "2024-03-04T09:00:00+08:00")!
        let entries = [1, 2, 2, 4, 5].map { NumberLedgerEntry(serial: $0, letterID: "L\($0)", use: .dispatched, at: at) }
            + [NumberLedgerEntry(serial: 6, letterID: "L6", use: .voided, at: at)]
        #expect(NumberLedgerAudit.gaps(entries) == [3])
        #expect(NumberLedgerAudit.duplicates(entries) == [2])
        #expect(NumberLedgerAudit.gaps([]) == [])
    }

    @Test func errorsSayWhatToDo() {
        #expect(DocumentNumberError.alreadyUsed(key.number(7), byLetter: "1130000042").message.zh
            == "發文字號 議秘字第1130000007號 已由公文 1130000042 使用，同一字號不能重複。")
        #expect(DocumentNumberError.exhausted(key).message.zh.contains("請改用其他字"))
    }
}
