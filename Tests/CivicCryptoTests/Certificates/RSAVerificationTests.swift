import COpenSSL
@testable import CivicCrypto
import Testing

/// `RSAVerificationKey`: PKCS#1 v1.5 checks on OpenSSL's big numbers must answer as OpenSSL's
/// `EVP_DigestVerify` does, for the three digests the roster's certificates may use and public
/// exponents of any shape, and refuse every malformed signature or key without crashing.
@Suite("RSA signatures checked on big numbers")
struct RSAVerificationTests {
    let key: RSAPrivateKey
    let modulus: [UInt8]
    let exponent: [UInt8]
    let message = Array("連署人 A123456789".utf8)

    init() throws {
        try self.init(key: RSAPrivateKey.generate())
    }

    init(key: RSAPrivateKey) throws {
        self.key = key
        modulus = try Self.number(OSSL_PKEY_PARAM_RSA_N, of: key.pointer)
        exponent = try Self.number(OSSL_PKEY_PARAM_RSA_E, of: key.pointer)
    }

    static func number(_ name: String, of key: OpaquePointer) throws -> [UInt8] {
        var number: OpaquePointer?
        defer { BN_free(number) }
        try #require(EVP_PKEY_get_bn_param(key, name, &number) == 1)
        var bytes = [UInt8](repeating: 0, count: Int((BN_num_bits(number) + 7) / 8))
        BN_bn2bin(number, &bytes)
        return bytes
    }

    /// `key`'s signature over `message` with `digest`, made by OpenSSL's EVP.
    func sign(_ digest: OpaquePointer?) throws -> [UInt8] {
        let context = try #require(EVP_MD_CTX_new())
        defer { EVP_MD_CTX_free(context) }
        var length = 0
        try #require(EVP_DigestSignInit(context, nil, digest, nil, key.pointer) == 1)
        try #require(EVP_DigestSign(context, nil, &length, message, message.count) == 1)
        var signature = [UInt8](repeating: 0, count: length)
        try #require(EVP_DigestSign(context, &signature, &length, message, message.count) == 1)
        return signature
    }

    /// Both ways in: the key made once, and the numbers used once.
    func verifies(_ signature: [UInt8], nid: Int32, digest: [UInt8], modulus: [UInt8]? = nil) -> [Bool] {
        let modulus = modulus ?? self.modulus
        let bytes = modulus + exponent + signature
        let once = RSAVerificationKey.verifies(bytes, modulus: 0..<modulus.count,
                                               exponent: modulus.count..<(modulus.count + exponent.count),
                                               signature: (modulus.count + exponent.count)..<bytes.count,
                                               digestNID: nid, digest: digest)
        let made = RSAVerificationKey(publicKey: key.pointer)
        return [once, made?.verifies(signature, signature: signature.indices, digestNID: nid, digest: digest) ?? false]
    }

    func digest(_ nid: Int32, _ message: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 64)
        var size: UInt32 = 0
        EVP_Digest(message, message.count, &output, &size, OpenSSLContext.digest(nid: nid), nil)
        return Array(output.prefix(Int(size)))
    }

    @Test(arguments: [NID_sha256, NID_sha384, NID_sha512])
    func signaturesOpenSSLMakesVerify(nid: Int32) throws {
        let signature = try sign(OpenSSLContext.digest(nid: nid))
        #expect(verifies(signature, nid: nid, digest: digest(nid, message)) == [true, true])
        // The same signature read as another digest's, or over another message, is not.
        let other = nid == NID_sha256 ? NID_sha512 : NID_sha256
        #expect(verifies(signature, nid: other, digest: digest(other, message)) == [false, false])
        #expect(verifies(signature, nid: nid, digest: digest(nid, message + [0])) == [false, false])
    }

    /// The exponentiation walks the exponent's bits itself: exponents with ones between the
    /// first and the last bit, and the shortest, must verify as OpenSSL's do.
    @Test(arguments: [3, 17, 2899, 1_000_003] as [UInt])
    func publicExponentsOfEveryShapeVerify(exponent: UInt) throws {
        let other = try RSAVerificationTests(key: RSAPrivateKey.generate(bits: 1024, publicExponent: exponent))
        let signature = try other.sign(OpenSSLContext.sha256)
        #expect(other.verifies(signature, nid: NID_sha256, digest: digest(NID_sha256, message)) == [true, true])
        #expect(other.verifies(signature, nid: NID_sha256, digest: digest(NID_sha256, message + [0])) == [false, false])
    }

    @Test func malformedSignaturesAndKeysAreRefused() throws {
        let signature = try sign(OpenSSLContext.sha256)
        let sha256 = digest(NID_sha256, message)
        var flipped = signature
        flipped[100] ^= 0x01
        #expect(verifies(flipped, nid: NID_sha256, digest: sha256) == [false, false])
        #expect(verifies(Array(signature.dropFirst()), nid: NID_sha256, digest: sha256) == [false, false])
        #expect(verifies([0] + signature, nid: NID_sha256, digest: sha256) == [false, false])
        #expect(verifies([], nid: NID_sha256, digest: sha256) == [false, false])
        // A signature as large as the modulus, or larger, is out of range (RFC 8017 §5.2.2).
        #expect(verifies(modulus, nid: NID_sha256, digest: sha256) == [false, false])
        #expect(verifies([UInt8](repeating: 0xFF, count: modulus.count), nid: NID_sha256, digest: sha256) == [false, false])
        // A digest of the wrong length, or of no supported kind.
        #expect(verifies(signature, nid: NID_sha256, digest: Array(sha256.dropLast())) == [false, false])
        #expect(verifies(signature, nid: NID_sha1, digest: Array(sha256.prefix(20))) == [false, false])
        // Keys no RSA verification takes: no modulus, an even one.
        #expect(verifies(signature, nid: NID_sha256, digest: sha256, modulus: [])[0] == false)
        var even = modulus
        even[even.count - 1] &= 0xFE
        #expect(verifies(signature, nid: NID_sha256, digest: sha256, modulus: even)[0] == false)
    }

    @Test func checkingFromManyThreadsAtOnceAgrees() async throws {
        let signature = try sign(OpenSSLContext.sha256)
        let sha256 = digest(NID_sha256, message)
        let answers = await withTaskGroup(of: [Bool].self) { group in
            for index in 0..<64 {
                group.addTask { verifies(index.isMultiple(of: 2) ? signature : Array(signature.reversed()), nid: NID_sha256, digest: sha256) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers.filter { $0 == [true, true] }.count == 32)
        #expect(answers.filter { $0 == [false, false] }.count == 32)
    }
}
