import ArgumentParser
import CivicCard
import CivicCore
import Foundation

/// `civicdesk card list|certs|watch`: readers, cards and their certificates over PC/SC.
struct CardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card", abstract: "讀卡機與卡片 (card readers and cards).", subcommands: [List.self, Certs.self, Watch.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出讀卡機與其中是否有卡片。")

        @Flag(name: .long, help: "Print JSON: {\"readers\":[{\"name\",\"cardPresent\",\"atr\"}]}.")
        var json = false

        func run() throws {
            let readers: [ReaderState]
            do {
                readers = try CardService().readers()
            } catch {
                throw Terminal.fail(error)
            }
            if json {
                try JSONOutput.print(["readers": readers.map(ReaderPresence.init)])
                return
            }
            for reader in readers {
                let state = reader.cardATR.map { "有卡片（ATR \(Hex.string($0))）" } ?? "沒有卡片"
                print("\(reader.name)：\(state)")
            }
        }

        struct ReaderPresence: Encodable {
            let name: String
            let cardPresent: Bool
            let atr: String?

            init(_ reader: ReaderState) {
                name = reader.name
                cardPresent = reader.hasCard
                atr = reader.cardATR.map { Hex.string($0) }
            }

            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(name, forKey: .name)
                try container.encode(cardPresent, forKey: .cardPresent)
                try container.encode(atr, forKey: .atr)
            }

            enum CodingKeys: String, CodingKey {
                case name, cardPresent, atr
            }
        }
    }

    struct Certs: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "讀出卡片的種類與憑證（不需 PIN 碼）。",
            discussion: "A 健保卡 or an unknown card is listed with no certificates and a message saying why.")

        @Option(name: .long, help: "Only this reader (its full name, as `card list` prints it).")
        var reader: String?

        @Flag(name: .long, help: "Print JSON (see the project README for the shape).")
        var json = false

        func run() throws {
            var results: [ReadersJSON.Reader] = []
            do throws(CardError) {
                let readers = try CardService().readers().filter { reader == nil || $0.name == reader }
                if let reader, readers.isEmpty { throw .readerNotFound(reader) }
                for state in readers {
                    let contents = state.hasCard ? try CardService().readCard(in: state.name) : nil
                    results.append(ReadersJSON.Reader(name: state.name, card: contents.map(CardJSON.init)))
                }
            } catch {
                throw Terminal.fail(error)
            }
            if json {
                try JSONOutput.print(ReadersJSON(readers: results))
            } else {
                results.forEach(Self.describe)
            }
        }

        static func describe(_ reader: ReadersJSON.Reader) {
            guard let contents = reader.card?.contents else {
                print("\(reader.name)：沒有卡片")
                return
            }
            print("\(reader.name)：\(Terminal.text(contents.kind.name))（ATR \(Hex.string(contents.atr))）")
            if let reason = contents.kind.unusableReason { print("  \(Terminal.text(reason))") }
            for entry in contents.certificates {
                CertificateText.print(role: entry.role, entry.certificate)
            }
        }
    }

    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "持續顯示讀卡機與卡片的變化，直到按 Ctrl-C。",
            discussion: "One line per event, fields separated by tabs: service-available, service-unavailable, "
                + "reader-added NAME, reader-removed NAME, card-inserted NAME ATR, card-removed NAME.")

        func run() throws {
            // "Until interrupted" even when started by a program whose thread blocked these
            // signals (the mask is inherited): Foundation's Process does, from a worker thread.
            var interrupts = sigset_t()
            sigemptyset(&interrupts)
            sigaddset(&interrupts, SIGINT)
            sigaddset(&interrupts, SIGTERM)
            pthread_sigmask(SIG_UNBLOCK, &interrupts, nil)
            let watcher = CardWatcher { event in
                switch event {
                case .serviceAvailable: Terminal.printNow("service-available")
                case .serviceUnavailable: Terminal.printNow("service-unavailable\t\(Terminal.text(CardError.serviceUnavailable.message))")
                case .readerAdded(let name): Terminal.printNow("reader-added\t\(name)")
                case .readerRemoved(let name): Terminal.printNow("reader-removed\t\(name)")
                case .cardInserted(let reader, let atr): Terminal.printNow("card-inserted\t\(reader)\t\(Hex.string(atr))")
                case .cardRemoved(let reader): Terminal.printNow("card-removed\t\(reader)")
                }
            }
            withExtendedLifetime(watcher) {
                while true { pause() }
            }
        }
    }
}

/// A certificate as one readable block of lines.
enum CertificateText {
    static func print(role: CertificateRole?, _ certificate: CertificateInfo) {
        let name = role.map { Terminal.text($0.name) } ?? "其他憑證"
        Swift.print("  \(name)：\(certificate.commonName ?? certificate.subject.rfc4514)")
        if role == .agency {
            let kind = AgencyCertificateKind(issuer: certificate.issuer).map { Terminal.text($0.name) } ?? "不明（非機關憑證管理中心簽發）"
            Swift.print("    種類 \(kind)　機關(組織)OID \(AgencyCertificate.agencyOID(of: certificate) ?? "無")")
        }
        Swift.print("    主體 \(certificate.subject.rfc4514)")
        Swift.print("    序號 \(certificate.serialHex.lowercased())　有效期間 \(JSONOutput.rfc3339(certificate.notBefore)) 至 \(JSONOutput.rfc3339(certificate.notAfter))")
        Swift.print("    SHA-256 \(certificate.sha256)")
    }
}
