// fuzz-max-len: 1024 — a URI that names a token, its slot, its module and a key by every attribute, each value percent-encoded, stays under 1 KB (only a module path could be longer)
// PKCS#11 URIs (RFC 7512) as users and settings write them (`--token`). Checks that a URI that
// is read is written back (`description`), and shown in messages (`displayText`), as one that
// reads the same.
import CivicCore

/// A token for `matches` to compare with.
let token = TokenDescription(slotID: 1, slotDescription: "SoftHSM slot ID 0x1", slotManufacturer: "SoftHSM project",
                             label: "lead", manufacturer: "SoftHSM project", model: "SoftHSM v2", serial: "0123456789abcdef",
                             pinFlags: [], pinLengths: 4...255)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    do {
        let uri = try PKCS11URI(text)
        let written = uri.description
        let reread = try? PKCS11URI(written)
        require(reread == uri, "\(text) → \(written) reads back otherwise")
        // What messages show (values decoded where that stays unambiguous) reads back the same too.
        let shown = uri.displayText
        if shown != written {
            require((try? PKCS11URI(shown)) == uri, "\(text) → shown as \(shown) reads back otherwise")
        }
        _ = uri.matches(token)
        _ = (uri.id, uri.slotID, uri.modulePath, uri.moduleName, uri.type, uri.object)
    } catch {
        _ = error.message
    }
    return 0
}
