// fuzz-max-len: 512 — each answer below is checked on its own, so a longer run repeats the same work; 512 bytes hold two answers of the longest length
// What a card reader hands back: response APDUs (data and status word), command APDUs as the
// virtual card parses them, and the size of a certificate from the first bytes of a MOICA
// store slot (`DERHeader`), from which the READ BINARY commands of `MOICALayout` are made.
// The input is a run of answers, each preceded by its length in one byte. Checks that what is
// parsed is written back byte for byte, and that a sized slot gives valid commands.
import CivicCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    var index = 0
    while index < bytes.count {
        let length = Int(bytes[index])
        let answer = Array(bytes[(index + 1)..<min(index + 1 + length, bytes.count)])
        index += 1 + length
        if let response = ResponseAPDU(bytes: answer) {
            require(response.bytes == answer, "response \(Hex.string(answer)) written back otherwise")
            _ = response.status.description
        } else {
            require(answer.count < 2, "a response of \(answer.count) bytes refused")
        }
        if let command = CommandAPDU(bytes: answer) {
            require(command.bytes == answer, "command \(Hex.string(answer)) written back otherwise")
            _ = (command.description, command.p1p2)
        }
        // The answer as the first bytes of a certificate slot: the commands that read the rest.
        if let total = DERHeader.sequenceSize(answer), total <= MOICALayout.slotSize {
            require(total >= 2, "a certificate of \(total) bytes")
            for slot in MOICALayout.Slot.allCases {
                var offset = DERHeader.probeLength
                while offset < total {
                    let chunk = min(MOICALayout.chunkSize, total - offset)
                    let command = MOICALayout.readBinary(offset: slot.offset + offset, length: chunk)
                    require(command.p1p2 == slot.offset + offset, "READ BINARY at \(slot.offset + offset) reads \(command.p1p2)")
                    offset += chunk
                }
            }
        }
    }
    return 0
}
