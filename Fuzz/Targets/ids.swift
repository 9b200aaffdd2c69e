// Personal and business ID numbers as typed or read from a record: 國民身分證統一編號, the resident
// certificate numbers, and 營利事業統一編號. Checks that a valid national ID's last digit is the
// check digit `checkDigit` computes, and that every verdict has a message.
import CivicCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    switch PersonalID.check(text) {
    case .success(let kind):
        _ = kind.message
        let bytes = Array(text.utf8)
        require(bytes.count == 10, "a valid ID has 10 characters: \(text)")
        if case .nationalID = kind {
            require(PersonalID.isValidNationalID(text), "check and isValidNationalID disagree: \(text)")
            let digit = PersonalID.checkDigit(letter: Character(UnicodeScalar(bytes[0])),
                                              firstEight: String(decoding: bytes[1..<9], as: UTF8.self))
            require(digit == Int(bytes[9] - UInt8(ascii: "0")), "check digit differs: \(text)")
        }
    case .failure(let problem):
        _ = problem.message
        require(!PersonalID.isValidNationalID(text), "isValidNationalID accepts a refused ID: \(text)")
    }
    _ = PersonalID.masked(text)
    switch BusinessID.check(text) {
    case .success: require(text.utf8.count == 8, "a valid business ID has 8 digits: \(text)")
    case .failure(let problem): _ = problem.message
    }
    return 0
}
