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
    ])
    func sameAsDecoder(text: String) {
        #expect(JSONLine.object(Array(text.utf8)) == Self.decoded(text), "\(text)")
    }

    @Test func invalidUTF8IsNotAnObject() {
        #expect(JSONLine.object(Array(#"{"a":""#.utf8) + [0xFF] + Array(#""}"#.utf8)) == nil)
    }

    @Test func typesStayApart() {
        let object = JSONLine.object(Array(#"{"a":true,"b":1,"c":1.5,"d":"1"}"#.utf8))
        #expect(object?["a"] == .bool(true))
        #expect(object?["b"]?.integer == 1)
        #expect(object?["c"]?.integer == nil)
        #expect(object?["d"]?.integer == nil)
    }
}
