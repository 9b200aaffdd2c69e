import Foundation
import Testing
@testable import CivicCore

@Suite("JSON 行的讀取")
struct JSONLineTests {
    /// The general decoder's reading, for comparison with the direct scan.
    static func decoded(_ text: String) -> [String: JSONValue]? {
        (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)))?.object
    }

    @Test("the direct scan reads as the decoder does", arguments: [
        #"{"type":"record","seq":1,"tbs":"e30=","sig":"YWJj"}"#,
        #" { "a" : "x" , "b" : -12 } "#,
        #"{}"#,
        #"{"a":"中文","b":0}"#,
        #"{"a":"x\/y","b":"\u738b"}"#,
        #"{"a":1.5}"#, #"{"a":1e3}"#, #"{"a":true,"b":null}"#, #"{"a":{"b":1}}"#, #"{"a":[1]}"#,
        #"{"a":01}"#, #"{"a":"x"} x"#, #"{"a":"x",}"#, #"{"a":"x""#, #"["a"]"#, #""a""#, "", "{\"a\":\"\u{1}\"}",
        #"{"a":1,"a":2}"#, #"{"seq":123456789012345678901}"#,
        // Text beyond ASCII is scanned eight octets at a time, like ASCII: the string's end,
        // escapes and control characters must still be found anywhere in a word.
        #"{"address":"臺北市中正區重慶南路一段122號","statement":"本人同意連署。"}"#,
        "{\"a\":\"臺北市中正區\u{1}重慶南路\"}", "{\"a\":\"臺北\u{1F}\"}", #"{"a":"臺北市中正區\"重慶南路","b":"é"}"#,
        #"{"a":"ab臺北市中正區\u738b重慶南路\n"}"#, "{\"a\":\"臺北市中正區\u{7F}\u{80}\u{10FFFF}\"}",
    ])
    func sameAsDecoder(text: String) {
        #expect(JSONLine.object(Array(text.utf8)) == Self.decoded(text), "\(text)")
    }

    @Test func invalidUTF8IsNotAnObject() {
        #expect(JSONLine.object(Array(#"{"a":""#.utf8) + [0xFF] + Array(#""}"#.utf8)) == nil)
        // At every place in a word of text beyond ASCII: a stray continuation octet, a lead
        // octet without its continuation, an overlong form, a surrogate.
        let text = Array("臺北市中正區重慶南路一段".utf8)
        for invalid: [UInt8] in [[0x80], [0xE8], [0xC0, 0xAF], [0xED, 0xA0, 0x80]] {
            for place in 0...9 {
                let line = Array(#"{"a":""#.utf8) + text.prefix(place * 3) + invalid + text.dropFirst(place * 3) + Array(#""}"#.utf8)
                #expect(JSONLine.object(line) == nil, "\(invalid) at \(place)")
            }
        }
    }

    @Test func typesStayApart() {
        let object = JSONLine.object(Array(#"{"a":true,"b":1,"c":1.5,"d":"1"}"#.utf8))
        #expect(object?["a"] == .bool(true))
        #expect(object?["b"]?.integer == 1)
        #expect(object?["c"]?.integer == nil)
        #expect(object?["d"]?.integer == nil)
    }
}

/// The record checks' reading of a line (`JSONObjectFields`: the direct scan, or the decoder
/// when the line is not flat) against the general decoder's, on record lines written every way
/// JSON allows: any key order, whitespace, escapes, unicode, extra fields.
@Suite("紀錄行欄位的讀取")
struct JSONObjectFieldsTests {
    static let keys = ["type", "seq", "tbs", "sig", "caseId", "name", "x"]

    /// The decoder's value of `key` read as the checks read it.
    static func expected(_ object: [String: JSONValue]?, _ key: String) -> (String?, Int?, [UInt8]?) {
        let string = object?[key]?.string
        return (string, object?[key]?.integer, string.flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) })
    }

    static func agree(_ line: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let text = String(decoding: line, as: UTF8.self)
        let decoded = JSONLine.decoded(line)?.object
        let fields = JSONObjectFields(line)
        #expect((fields == nil) == (decoded == nil), "\(text)", sourceLocation: sourceLocation)
        guard let fields else { return }
        for key in keys {
            let (string, integer, base64) = expected(decoded, key)
            #expect(fields.string(key) == string, "\(key) in \(text)", sourceLocation: sourceLocation)
            #expect(fields.integer(key) == integer, "\(key) in \(text)", sourceLocation: sourceLocation)
            #expect(fields.base64(key) == base64, "\(key) in \(text)", sourceLocation: sourceLocation)
        }
    }

    /// A JSON string literal of `text`, escaping characters as `style` picks.
    static func literal(_ text: String, style: Int) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch (scalar, style) {
            case ("\"", _): result += "\\\""
            case ("\\", _): result += "\\\\"
            case ("/", 1): result += "\\/"
            case (_, 2) where scalar.value < 0x10000 && scalar.value % 3 == 0:
                result += String(format: "\\u%04x", scalar.value)
            case (_, 3) where scalar.value >= 0x80 && scalar.value < 0x10000:
                result += String(format: "\\u%04X", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    @Test func generatedRecordLinesReadAsTheDecoderReadsThem() {
        var random = SystemRandomNumberGenerator()
        let statement = #"{"caseId":"113002","name":"王小明","address":"臺北市/中正區 \"一\" 號"}"#
        let whitespace = ["", " ", "\t", "\n", "\r\n  "]
        for round in 0..<400 {
            let signature = (0..<Int.random(in: 0...40, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            var fields: [(String, String)] = [
                ("type", Self.literal("record", style: round % 4)),
                ("seq", round % 17 == 0 ? "\"12\"" : String(round)),
                ("tbs", Self.literal(Data(statement.utf8).base64EncodedString(), style: round % 4)),
                ("sig", Self.literal(Data(signature).base64EncodedString(), style: round % 4)),
            ]
            if round % 3 == 0 { fields.append(("x", Self.literal("中文 \u{1F600} ✓", style: round % 4))) }
            if round % 5 == 0 { fields.append(("name", Self.literal("王\u{0301}", style: (round / 5) % 4))) }
            if round % 29 == 0 { fields.append(("x", "true")) }
            if round % 31 == 0 { fields.append(("seq", "7")) }
            fields.shuffle(using: &random)
            let space = { whitespace.randomElement(using: &random) ?? "" }
            let body = fields.map { "\(space())\(Self.literal($0.0, style: round % 3))\(space()):\(space())\($0.1)\(space())" }
            Self.agree(Array("\(space()){\(body.joined(separator: ","))}\(space())".utf8))
        }
    }

    @Test("odd lines read as the decoder reads them", arguments: [
        #"{"sig":"QQ==="}"#, #"{"sig":"QU=D"}"#, #"{"sig":"===="}"#, #"{"sig":"QR=="}"#, #"{"sig":"QUJ\nD"}"#,
        #"{"sig":"QUJ\u0044"}"#, #"{"sig":"\ud83d\ude00"}"#, #"{"sig":"\ud83d"}"#, #"{"t\u0079pe":"record","type":"x"}"#,
        #"{"seq":-0}"#, #"{"seq":1.0}"#, #"{"seq":"1"}"#, #"{"tbs":1}"#, #"{"x":"\u0000"}"#, #"{"x":"\q"}"#, "{\"x\":\"\u{7F}\"}",
        "\u{FEFF}{}", #"{"a":[]}"#, #"{"sig":""}"#, #"{"sig":"QUJD"}  "#,
    ])
    func oddLines(_ text: String) {
        Self.agree(Array(text.utf8))
    }

    @Test func base64ReadsAsFoundationDoes() {
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=".utf8) + [UInt8(ascii: "-"), 0x0A, 0x20]
        for length in 0..<2000 {
            var text = Data((0..<(length % 40)).map { _ in UInt8.random(in: 0...255, using: &random) }).base64EncodedString().utf8.map { $0 }
            if length % 2 == 1, !text.isEmpty {
                text[Int.random(in: text.indices, using: &random)] = alphabet.randomElement(using: &random) ?? 0x3D
            }
            if length % 7 == 0 { text += Array("=".utf8) }
            let expected = Data(base64Encoded: String(decoding: text, as: UTF8.self)).map { [UInt8]($0) }
            #expect(Base64Text.decode(text, text.indices) == expected, "\(String(decoding: text, as: UTF8.self))")
        }
    }
}
