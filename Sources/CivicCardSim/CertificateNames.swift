/// The issuer and subject of a DER certificate as raw bytes, enough to find which CA issued it
/// without an X.509 library (the simulator stays free of OpenSSL).
struct CertificateNames: Equatable {
    let issuer: ArraySlice<UInt8>
    let subject: ArraySlice<UInt8>

    /// Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version OPTIONAL, serialNumber,
    /// signature, issuer, validity, subject, … }, … }
    init?(der: [UInt8]) {
        guard let certificate = Self.element(der, at: 0), let tbs = Self.element(der, at: certificate.contents.lowerBound)
        else { return nil }
        var position = tbs.contents.lowerBound
        var fields: [Range<Int>] = []
        while fields.count < 6, let field = Self.element(der, at: position) {
            if !(fields.isEmpty && der[position] == 0xA0) { fields.append(position..<field.end) }
            position = field.end
        }
        guard fields.count == 6 else { return nil }
        issuer = der[fields[2]]
        subject = der[fields[4]]
    }

    /// The element starting at `start`: where its contents are and where it ends.
    private static func element(_ der: [UInt8], at start: Int) -> (contents: Range<Int>, end: Int)? {
        guard start + 2 <= der.count else { return nil }
        var length = Int(der[start + 1])
        var header = 2
        if length >= 0x80 {
            let count = length & 0x7F
            guard (1...3).contains(count), start + 2 + count <= der.count else { return nil }
            length = der[(start + 2)..<(start + 2 + count)].reduce(0) { $0 << 8 | Int($1) }
            header += count
        }
        guard start + header + length <= der.count else { return nil }
        return (start + header..<start + header + length, start + header + length)
    }
}
