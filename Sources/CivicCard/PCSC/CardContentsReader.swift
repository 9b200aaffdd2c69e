import CivicCore
import CivicCrypto

/// Tells what the card on a connection is and reads its certificates, without a PIN, inside one
/// transaction: a HiCOS card by its version file (`CHT V…`), a 健保卡 by its NHI application.
struct CardContentsReader {
    let connection: CardConnection

    func read() throws(CardError) -> CardContents {
        let atr = try connection.atr()
        return try connection.transaction { () throws(CardError) -> CardContents in
            if try isHiCOS() {
                return CardClassifier.hiCOSCard(atr: atr, store: try certificateStore())
            }
            let kind: CardKind = try connection.transmit(HealthCardLayout.selectApplication).status == .success
                ? .healthInsurance : .unknown
            return CardContents(kind: kind, atr: atr, certificates: [])
        }
    }

    private func isHiCOS() throws(CardError) -> Bool {
        for file in [MOICALayout.masterFile, MOICALayout.infoDirectory, MOICALayout.versionFile] {
            guard try connection.transmit(MOICALayout.select(file)).status == .success else { return false }
        }
        let version = try connection.transmit(MOICALayout.readBinary(offset: 0, length: MOICALayout.versionPrefix.count))
        return version.status == .success && version.data == MOICALayout.versionPrefix
    }

    /// Each slot's certificate; a slot without one (padding) is left out.
    private func certificateStore() throws(CardError) -> [MOICALayout.Slot: CertificateInfo] {
        for file in [MOICALayout.masterFile, MOICALayout.certificateDirectory, MOICALayout.certificateStore] {
            try expectSuccess(MOICALayout.select(file))
        }
        var store: [MOICALayout.Slot: CertificateInfo] = [:]
        for slot in MOICALayout.Slot.allCases {
            var der = try expectSuccess(MOICALayout.readBinary(offset: slot.offset, length: DERHeader.probeLength))
            guard let size = DERHeader.sequenceSize(der) else { continue }
            guard size <= MOICALayout.slotSize else { throw .damagedCertificate(reader: connection.reader) }
            while der.count < size {
                let length = min(MOICALayout.chunkSize, size - der.count)
                let chunk = try expectSuccess(MOICALayout.readBinary(offset: slot.offset + der.count, length: length))
                guard chunk.count == length else { throw .damagedCertificate(reader: connection.reader) }
                der += chunk
            }
            guard let certificate = try? CertificateParser.parse(der: der) else {
                throw .damagedCertificate(reader: connection.reader)
            }
            store[slot] = certificate
        }
        return store
    }

    @discardableResult
    private func expectSuccess(_ command: CommandAPDU) throws(CardError) -> [UInt8] {
        let response = try connection.transmit(command)
        guard response.status == .success else {
            throw .unexpectedAnswer(reader: connection.reader, command: command.description, status: response.status)
        }
        return response.data
    }
}
