import CivicTestSupport
import Foundation
import Testing

extension RosterCommandTests {
    @Suite("roster import: bad input is refused with a clear message and nothing imported")
    struct BadInput {
        let cli: RosterCLI

        init() throws {
            cli = try RosterCLI()
            try cli.lab.ensureLeadCard()
        }

        func batch(_ change: (inout TestBatch) -> Void = { _ in }) throws -> TestBatch {
            var batch = TestBatch(number: 1, records: [cli.builder.record(try RosterCLI.signer("lead")),
                                                       cli.builder.record(try RosterCLI.signer("other"))])
            change(&batch)
            return batch
        }

        /// Imports `file`, expects exit 1 with `words` in the message and no case in the workspace.
        func expectRefused(_ file: URL, saying words: [String], askedForPIN: Bool = true,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
            let result = try cli.importFiles([file], pin: askedForPIN ? RosterCLI.pin : nil)
            #expect(result.status == 1, sourceLocation: sourceLocation)
            #expect(result.error.contains("「\(file.lastPathComponent)」未匯入："), "\(result.error)", sourceLocation: sourceLocation)
            for word in words {
                #expect(result.error.contains(word), "\(result.error)", sourceLocation: sourceLocation)
            }
            #expect(result.output.isEmpty, sourceLocation: sourceLocation)
            #expect(try !cli.hasCase(), "nothing imported", sourceLocation: sourceLocation)
        }

        @Test("not a CMS file: refused before any PIN")
        func notCMS() throws {
            try expectRefused(cli.folder.write(Array("{\"type\":\"header\"}\n".utf8), to: "113002-連署-20240301.cec"),
                              saying: ["這不是加密的名冊檔"], askedForPIN: false)
        }

        @Test("a file for another card names the certificate it is for, before any PIN")
        func anotherCard() throws {
            let file = try cli.builder.file(batch(), envelope: .cbcOAEP, recipient: "people/other/enc.pem")
            let serial = try OpenSSLCommand.run(["x509", "-noout", "-serial", "-in", TestPKI.url("people/other/enc.pem").path])
                .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "serial=", with: "")
            try expectRefused(file, saying: ["不是加密給目前插入的卡片", "序號 \(serial)", "內政部憑證管理中心"], askedForPIN: false)
        }

        @Test("tampered content: the GCM tag, or the CBC padding, fails and everything read is discarded", arguments: ["gcm", "cbc"])
        func tampered(_ cipher: String) throws {
            let payload = try cli.builder.payload(batch())
            let file = try cli.builder.file(payload, named: "113002-連署-20240301.cec", envelope: cipher == "gcm" ? .gcm : .cbc)
            var bytes = Array(try Data(contentsOf: file))
            if cipher == "gcm" {
                bytes[bytes.count - 18 - 40] ^= 0x01 // inside the ciphertext, before the 16-byte tag (04 10 …) at the end
            } else {
                // The ciphertext ends the file; changing the block before the last one changes the
                // last plaintext byte — the padding length — to 0, which no valid padding has.
                bytes[bytes.count - 17] ^= UInt8(16 - payload.count % 16)
            }
            try Data(bytes).write(to: file)
            try expectRefused(file, saying: ["檔案內容驗證失敗", "沒有匯入任何資料"])
        }

        @Test("a truncated file")
        func truncated() throws {
            let file = try cli.builder.file(batch())
            let bytes = try Data(contentsOf: file)
            try bytes.prefix(bytes.count * 6 / 10).write(to: file)
            try expectRefused(file, saying: ["檔案不完整"])
        }

        @Test("a payload the trailer does not match, or without one", arguments: ["count", "digest", "missing"])
        func trailer(_ problem: String) throws {
            let file = try cli.builder.file(batch { batch in
                switch problem {
                case "count": batch.trailerCountOffset = 1
                case "digest": batch.rawTrailer = #"{"type":"trailer","records":2,"sha256":"\#(String(repeating: "0", count: 64))"}"#
                default: batch.omitTrailer = true
                }
            })
            let words = ["count": "結尾記載 3 筆，實際有 2 筆", "digest": "與結尾的檢查碼不符", "missing": "缺少結尾"]
            try expectRefused(file, saying: [try #require(words[problem])])
        }

        @Test("an unknown format or version", arguments: [("tw.cec.petition-list", 1, "名冊格式「tw.cec.petition-list」"),
                                                       ("tw.cec.petition-roster", 2, "名冊格式第 2 版不受支援")])
        func unknownFormat(format: String, version: Int, words: String) throws {
            let file = try cli.builder.file(batch { batch in
                batch.rawHeader = batch.headerLine.replacingOccurrences(of: #""format":"tw.cec.petition-roster","version":1"#,
                                                                       with: #""format":"\#(format)","version":\#(version)"#)
            })
            try expectRefused(file, saying: [words])
        }

        @Test("a wrong PIN: the tries the card reports, nothing imported; the right PIN then works")
        func wrongPIN() throws {
            let file = try cli.builder.file(batch())
            let wrong = try cli.importFiles([file], pin: "000000")
            #expect(wrong.status == 1)
            #expect(wrong.error.contains("PIN 碼錯誤。可再試的次數已經減少"), "\(wrong.error)")
            #expect(try !cli.hasCase())
            let right = try cli.importFiles([file])
            #expect(right.status == 0, "\(right.error)")
            #expect(right.error.contains("之前曾輸入錯誤的 PIN 碼"), "warned before the PIN was asked again")
            #expect(try cli.status()?["valid"] as? Int == 2)
        }

        @Test("the card taken out mid-import: the batch is rolled back and the user is told why")
        func cardRemovedMidImport() throws {
            let record = cli.builder.record(try RosterCLI.signer("lead"))
            let file = try cli.builder.file(TestBatch(number: 1, records: Array(repeating: record, count: 12_000)))
            let process = Process()
            process.executableURL = BuiltProduct.url("civicdesk")
            process.arguments = ["roster", "import", "--workspace", cli.workspace.path, "--token", RosterCLI.token,
                                 "--trust", TestPKI.url("trust").path, "--pin-stdin", file.path]
            process.environment = ProcessInfo.processInfo.environment.merging(cli.lab.environment) { $1 }.merging(cli.isolated) { $1 }
            let input = Pipe()
            let errors = Pipe()
            process.standardInput = input
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            input.fileHandleForWriting.write(Data("\(RosterCLI.pin)\n".utf8))
            try input.fileHandleForWriting.close()
            var text = ""
            while !text.contains("正在匯入") {
                let chunk = errors.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            try cli.lab.control("remove")
            text += String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1)
            #expect(text.contains("匯入時卡片已從讀卡機取出：這個批次已全部復原"), "\(text)")
            #expect(try !cli.hasCase(), "rolled back")
            try cli.lab.ensureLeadCard()
        }
    }
}
