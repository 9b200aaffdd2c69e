import CivicCrypto

/// EME-OAEP decoding with SHA-256 and MGF1-SHA-256, empty label (RFC 8017 §7.1.2), for tokens
/// that cannot do OAEP with SHA-256 themselves but can decrypt raw RSA: SoftHSM2 2.6 accepts
/// OAEP with SHA-1 only, and rosters may use either. Every check runs whatever the others found,
/// and all failures look alike, so the answer says nothing about where a block went wrong.
enum OAEPDecoding {
    static let hashLength = 32
    static let emptyLabelHash = Digest.sha256([])

    /// The message in `block` (the raw RSA result, `modulusLength` bytes once left-padded), or nil.
    static func message(from block: [UInt8], modulusLength: Int) -> [UInt8]? {
        guard block.count <= modulusLength, modulusLength >= 2 * hashLength + 2 else { return nil }
        let encoded = [UInt8](repeating: 0, count: modulusLength - block.count) + block
        let maskedSeed = Array(encoded[1...hashLength])
        let maskedDB = Array(encoded[(hashLength + 1)...])
        let seed = zip(maskedSeed, mgf1(maskedDB, length: hashLength)).map { $0 ^ $1 }
        let db = zip(maskedDB, mgf1(seed, length: maskedDB.count)).map { $0 ^ $1 }

        var bad = encoded[0]
        for (byte, expected) in zip(db.prefix(hashLength), emptyLabelHash) { bad |= byte ^ expected }
        // After the label hash: zeros, then 01, then the message. Scan it all, whatever it holds.
        var separator = -1
        var invalidPadding: UInt8 = 0
        for index in hashLength..<db.count {
            let byte = db[index]
            let searching = separator < 0
            if searching && byte == 0x01 { separator = index }
            if searching && byte != 0x00 && byte != 0x01 { invalidPadding = 1 }
        }
        guard bad == 0, invalidPadding == 0, separator >= 0 else { return nil }
        return Array(db[(separator + 1)...])
    }

    /// MGF1 with SHA-256: SHA-256(seed ‖ counter) for counter 0, 1, … until `length` bytes.
    static func mgf1(_ seed: [UInt8], length: Int) -> [UInt8] {
        var output: [UInt8] = []
        var counter: UInt32 = 0
        while output.count < length {
            output += Digest.sha256(seed + withUnsafeBytes(of: counter.bigEndian) { Array($0) })
            counter += 1
        }
        return Array(output.prefix(length))
    }
}
