import ArgumentParser
import CivicCard
import CivicCore
import Foundation

/// `civicdesk token info|change-pin`: a PKCS#11 token named by a PKCS#11 URI.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "PKCS#11 卡片（token）：資訊與變更 PIN 碼。", subcommands: [Info.self, ChangePIN.self])

    struct TokenOption: ParsableArguments {
        @Option(name: .long, help: ArgumentHelp(
            "The token as a PKCS#11 URI, e.g. pkcs11:token=lead?module-path=/usr/lib/softhsm/libsofthsm2.so.",
            discussion: "Without module-path the module comes from CIVICDESK_PKCS11_MODULE, else HiCOS, OpenSC or SoftHSM2."))
        var token: String

        func selected() throws -> Token {
            do {
                let uri = try PKCS11URI(token)
                return try PKCS11Module.load(for: uri).token(matching: uri)
            } catch let problem as PKCS11URI.Problem {
                throw Terminal.fail(problem)
            } catch let error as TokenError {
                throw Terminal.fail(error)
            }
        }
    }

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "顯示卡片的資訊、PIN 碼狀態與憑證（不需 PIN 碼）。")

        @OptionGroup var options: TokenOption

        @Flag(name: .long, help: "Print JSON.")
        var json = false

        func run() throws {
            let token = try options.selected()
            let certificates: [TokenCertificate]
            do {
                certificates = try token.certificates()
            } catch {
                throw Terminal.fail(error)
            }
            let info = token.description
            if json {
                try JSONOutput.print(TokenJSON(token: token, certificates: certificates))
                return
            }
            print("卡片（token）：\(info.label)")
            print("  製造商 \(info.manufacturer)　型號 \(info.model)　序號 \(info.serial)")
            print("  模組 \(token.module.path)（\(token.module.libraryDescription) \(token.module.libraryVersion)）")
            print("  PIN 碼長度 \(info.pinLengths.lowerBound)–\(info.pinLengths.upperBound)")
            print("  PIN 碼狀態：\(info.pinStatus.warning.map(Terminal.text) ?? "正常")")
            for entry in certificates {
                CertificateText.print(role: entry.role, entry.certificate)
            }
        }
    }

    struct ChangePIN: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "change-pin",
            abstract: "變更卡片的 PIN 碼（新的 PIN 碼為 6 到 8 碼英數字）。",
            discussion: "PINs are typed at the terminal without echo, or read from standard input with --pin-stdin "
                + "(the current PIN, then the new one, each on its own line); never from the command line.")

        @OptionGroup var options: TokenOption

        @Flag(name: .customLong("pin-stdin"), help: "Read the current and the new PIN from standard input, one per line.")
        var pinStdin = false

        func run() throws {
            let token = try options.selected()
            if let warning = token.description.pinStatus.warning {
                FileHandle.standardError.write(Data((Terminal.text(warning) + "\n").utf8))
            }
            let old = try PINInput.read(prompt: UserMessage(zh: "目前的 PIN 碼：", en: "Current PIN:"), fromStandardInput: pinStdin)
            let new = try PINInput.read(prompt: UserMessage(zh: "新的 PIN 碼（6 到 8 碼）：", en: "New PIN (6 to 8 characters):"),
                                        fromStandardInput: pinStdin)
            do {
                if !pinStdin {
                    let again = try PINInput.read(prompt: UserMessage(zh: "再輸入一次新的 PIN 碼：", en: "New PIN again:"),
                                                  fromStandardInput: false)
                    defer { again.wipe() }
                    try PINPolicy.checkConfirmation(new, again)
                }
                try token.changePIN(old: old, new: new)
            } catch let problem as PINPolicy.Problem {
                throw Terminal.fail(problem)
            } catch let error as TokenError {
                throw Terminal.fail(error)
            }
            print(Terminal.text(UserMessage(zh: "PIN 碼已變更。", en: "The PIN was changed.")))
        }
    }
}

/// `token info --json`: the token, its PIN status, and its certificates in the card shape.
struct TokenJSON: Encodable {
    let token: Token
    let certificates: [TokenCertificate]

    enum CodingKeys: String, CodingKey {
        case module, label, manufacturer, model, serial, pinStatus, pinMessage, pinMinLength, pinMaxLength, certificates
    }

    func encode(to encoder: Encoder) throws {
        let info = token.description
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(token.module.path, forKey: .module)
        try container.encode(info.label, forKey: .label)
        try container.encode(info.manufacturer, forKey: .manufacturer)
        try container.encode(info.model, forKey: .model)
        try container.encode(info.serial, forKey: .serial)
        try container.encode(info.pinStatus.rawValue, forKey: .pinStatus)
        try container.encode(info.pinStatus.warning.map(Terminal.text), forKey: .pinMessage)
        try container.encode(info.pinLengths.lowerBound, forKey: .pinMinLength)
        try container.encode(info.pinLengths.upperBound, forKey: .pinMaxLength)
        try container.encode(certificates.map { CertificateJSON(role: $0.role, certificate: $0.certificate) },
                             forKey: .certificates)
    }
}
