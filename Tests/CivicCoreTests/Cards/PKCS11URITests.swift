import Testing
@testable import CivicCore

@Suite("PKCS#11 URIs (RFC 7512)")
struct PKCS11URITests {
    let token = TokenDescription(slotID: 7, slotDescription: "SoftHSM slot ID 0x7", slotManufacturer: "SoftHSM project",
                                 label: "lead", manufacturer: "SoftHSM project", model: "SoftHSM v2",
                                 serial: "4b52894545e5e1a9", pinFlags: [], pinLengths: 4...255)

    @Test func theIssueExample() throws {
        let uri = try PKCS11URI("pkcs11:token=lead;object=sign?module-path=/usr/lib/softhsm/libsofthsm2.so")
        #expect(uri.token == "lead")
        #expect(uri.object == "sign")
        #expect(uri.modulePath == "/usr/lib/softhsm/libsofthsm2.so")
        #expect(uri.matches(token))
        #expect(uri.description == "pkcs11:token=lead;object=sign?module-path=/usr/lib/softhsm/libsofthsm2.so")
    }

    @Test("percent-encoded text, binary ids and numbers")
    func decoding() throws {
        let uri = try PKCS11URI("PKCS11:manufacturer=SoftHSM%20project;id=%01%FF;slot-id=7;token=%E7%8E%8B?module-name=softhsm2")
        #expect(uri.manufacturer == "SoftHSM project")
        #expect(uri.id == [0x01, 0xFF])
        #expect(uri.slotID == 7)
        #expect(uri.token == "王")
        #expect(uri.moduleName == "softhsm2")
        #expect(try PKCS11URI(uri.description) == uri, "written back, it reads the same")
        #expect(try PKCS11URI("pkcs11:").path.isEmpty)
    }

    @Test func matching() throws {
        #expect(try PKCS11URI("pkcs11:").matches(token), "an empty URI matches every token")
        #expect(try PKCS11URI("pkcs11:model=SoftHSM%20v2;slot-id=7;serial=4b52894545e5e1a9").matches(token))
        #expect(try !PKCS11URI("pkcs11:token=other").matches(token))
        #expect(try !PKCS11URI("pkcs11:slot-id=8").matches(token))
        #expect(try PKCS11URI("pkcs11:library-manufacturer=SoftHSM%20project")
            .matchesLibrary(manufacturer: "SoftHSM project", description: "Implementation of PKCS11", version: "2.6"))
        #expect(try !PKCS11URI("pkcs11:library-version=3.0")
            .matchesLibrary(manufacturer: "SoftHSM project", description: "Implementation of PKCS11", version: "2.6"))
    }

    @Test("refusals", arguments: [
        ("token=lead", PKCS11URI.Problem.notPKCS11), ("pkcs11:token=%4", .badEscape), ("pkcs11:token", .missingValue("token")),
        ("pkcs11:colour=red", .unknownAttribute("colour")), ("pkcs11:token=a;token=b", .repeatedAttribute("token")),
        ("pkcs11:slot-id=seven", .badSlotID), ("pkcs11:token=lead?pin-value=123456", .pinInURI),
        ("pkcs11:token=lead?pin-source=file:/tmp/pin", .pinInURI),
        // An escape is % and two hexadecimal digits, nothing else that reads as a number.
        ("pkcs11:token=%+1", .badEscape), ("pkcs11:token=%-0", .badEscape), ("pkcs11:token=%4", .badEscape),
    ])
    func refused(text: String, problem: PKCS11URI.Problem) {
        #expect(throws: problem) { try PKCS11URI(text) }
    }

    @Test func vendorAttributesAreKept() throws {
        #expect(try PKCS11URI("pkcs11:x-reader=CivicDesk").path == [.init(name: "x-reader", value: Array("CivicDesk".utf8))])
    }

    @Test("shown to users with its text decoded, binary and separators still encoded", arguments: [
        ("pkcs11:token=%E7%8E%8B%E5%B0%8F%E6%98%8E", "pkcs11:token=王小明"),
        ("pkcs11:manufacturer=SoftHSM%20project;id=%01%02?module-path=/usr/lib/x.so", "pkcs11:manufacturer=SoftHSM project;id=%01%02?module-path=/usr/lib/x.so"),
        ("pkcs11:token=a%3Bb;serial=%0A", "pkcs11:token=a%3Bb;serial=%0A"),
        ("pkcs11:token=%FF", "pkcs11:token=%FF"),
    ])
    func displayText(text: String, shown: String) throws {
        #expect(try PKCS11URI(text).displayText == shown)
    }
}
