import COpenSSL

/// The symmetric cipher of an encrypted file's content (spec §1).
public enum ContentEncryptionAlgorithm: String, Sendable, CaseIterable {
    case aes128GCM = "AES-128-GCM"
    case aes256GCM = "AES-256-GCM"
    case aes128CBC = "AES-128-CBC"
    case aes256CBC = "AES-256-CBC"

    public var keyLength: Int {
        switch self {
        case .aes128GCM, .aes128CBC: 16
        case .aes256GCM, .aes256CBC: 32
        }
    }

    /// True for GCM, whose tag proves the whole content intact; CBC only has its padding.
    public var isAuthenticated: Bool {
        self == .aes128GCM || self == .aes256GCM
    }

    var oid: String {
        switch self {
        case .aes128GCM: OID.aes128GCM
        case .aes256GCM: OID.aes256GCM
        case .aes128CBC: OID.aes128CBC
        case .aes256CBC: OID.aes256CBC
        }
    }

    var cipher: OpaquePointer? {
        switch self {
        case .aes128GCM: EVP_aes_128_gcm()
        case .aes256GCM: EVP_aes_256_gcm()
        case .aes128CBC: EVP_aes_128_cbc()
        case .aes256CBC: EVP_aes_256_cbc()
        }
    }
}

/// The contentEncryptionAlgorithm of an EncryptedContentInfo: the cipher with its IV (CBC) or
/// nonce and tag length (GCM, RFC 5084 GCMParameters).
struct ContentEncryptionParameters: Equatable {
    let algorithm: ContentEncryptionAlgorithm
    let iv: [UInt8]
    /// The GCM ICV length in bytes (12 when the parameters leave it out); 0 for CBC.
    let tagLength: Int

    init(_ identifier: AlgorithmIdentifier) throws {
        guard let algorithm = ContentEncryptionAlgorithm.allCases.first(where: { $0.oid == identifier.oid }) else {
            throw EnvelopeError.unsupportedAlgorithm(OID.describe(identifier.oid))
        }
        guard let parameters = identifier.parameters else { throw BERError.malformed }
        self.algorithm = algorithm
        if algorithm.isAuthenticated {
            (iv, tagLength) = try BERReader.parse(parameters) { reader in
                let sequence = try reader.enter(0x30)
                let nonce = try reader.octetString()
                let tagLength = try reader.hasMore(in: sequence) ? reader.smallInteger() : 12
                try reader.leave(sequence)
                return (nonce, tagLength)
            }
            guard (12...16).contains(tagLength), (1...128).contains(iv.count) else { throw BERError.malformed }
        } else {
            iv = try BERReader.parse(parameters) { try $0.octetString() }
            tagLength = 0
            guard iv.count == 16 else { throw BERError.malformed }
        }
    }
}

/// The content-encryption key the card unwrapped. Kept in memory OpenSSL wipes when this goes
/// away; never written anywhere.
public final class ContentKey: @unchecked Sendable {
    // Immutable after init; wiped only in deinit, when no other reference exists.
    private let storage: UnsafeMutableRawBufferPointer
    public let algorithm: ContentEncryptionAlgorithm

    init(_ bytes: [UInt8], algorithm: ContentEncryptionAlgorithm) {
        storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        storage.copyBytes(from: bytes)
        self.algorithm = algorithm
    }

    deinit {
        OPENSSL_cleanse(storage.baseAddress, storage.count)
        storage.deallocate()
    }

    fileprivate var bytes: UnsafeRawPointer? { UnsafeRawPointer(storage.baseAddress) }
}

/// Streams ciphertext through OpenSSL's AES (EVP), one EVP_CIPHER_CTX per file.
final class ContentDecryptor {
    private let context: OpaquePointer
    private let parameters: ContentEncryptionParameters

    init(parameters: ContentEncryptionParameters, key: ContentKey) throws {
        guard let context = EVP_CIPHER_CTX_new() else { fatalError("OpenSSL could not allocate a cipher context") }
        self.context = context
        self.parameters = parameters
        let cipher = parameters.algorithm.cipher
        var ready = EVP_DecryptInit_ex(context, cipher, nil, nil, nil) == 1
        if parameters.algorithm.isAuthenticated {
            ready = ready && EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_AEAD_SET_IVLEN, Int32(parameters.iv.count), nil) == 1
        }
        ready = ready && EVP_DecryptInit_ex(context, nil, nil, key.bytes?.assumingMemoryBound(to: UInt8.self), parameters.iv) == 1
        guard ready else {
            ERR_clear_error()
            throw EnvelopeError.unsupportedAlgorithm(parameters.algorithm.rawValue)
        }
    }

    deinit {
        EVP_CIPHER_CTX_free(context)
    }

    /// The most `update` or `finish` may write beyond the input's length.
    static let slack = 32

    /// Decrypts `input` into `output` (room for `input.count + slack` bytes); returns how many
    /// bytes were written (fewer than the input for CBC, which holds its last block back).
    func update(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        guard let source = input.baseAddress, !input.isEmpty, let target = output.baseAddress,
              output.count >= input.count + Self.slack else { return 0 }
        var written: Int32 = 0
        // Decrypting without a tag or padding check cannot fail for AES in GCM or CBC mode.
        _ = EVP_DecryptUpdate(context, target.assumingMemoryBound(to: UInt8.self), &written,
                              source.assumingMemoryBound(to: UInt8.self), Int32(input.count))
        return Int(written)
    }

    /// Checks the GCM tag (or the CBC padding) and writes the last plaintext (CBC's last block)
    /// into `output` (room for `slack` bytes); returns how many bytes were written.
    func finish(tag: [UInt8]?, into output: UnsafeMutableRawBufferPointer) throws -> Int {
        if parameters.algorithm.isAuthenticated {
            guard var tag, tag.count == parameters.tagLength,
                  EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_AEAD_SET_TAG, Int32(tag.count), &tag) == 1 else {
                ERR_clear_error()
                throw EnvelopeError.tampered
            }
        }
        var written: Int32 = 0
        guard let target = output.baseAddress, output.count >= Self.slack,
              EVP_DecryptFinal_ex(context, target.assumingMemoryBound(to: UInt8.self), &written) == 1 else {
            ERR_clear_error()
            throw EnvelopeError.tampered
        }
        return Int(written)
    }
}

/// Plaintext gathered until a chunk is full, in one buffer allocated once and wiped at the end
/// (it holds personal data).
final class PlaintextChunks {
    private let storage: UnsafeMutableRawBufferPointer
    private let chunkSize: Int
    private(set) var count = 0

    /// Room for a full chunk plus the largest piece decrypted at once.
    init(chunkSize: Int, largestPiece: Int) {
        self.chunkSize = max(chunkSize, 1)
        storage = UnsafeMutableRawBufferPointer.allocate(byteCount: self.chunkSize + largestPiece + ContentDecryptor.slack,
                                                         alignment: 16)
    }

    deinit {
        OPENSSL_cleanse(storage.baseAddress, storage.count)
        storage.deallocate()
    }

    var isFull: Bool { count >= chunkSize }

    /// Lets `write` fill the free space and counts what it wrote.
    func append(_ write: (UnsafeMutableRawBufferPointer) throws -> Int) rethrows {
        count += try write(UnsafeMutableRawBufferPointer(rebasing: storage[count...]))
    }

    /// The gathered bytes, leaving the buffer empty.
    func take() -> [UInt8] {
        let bytes = Array(UnsafeRawBufferPointer(rebasing: storage[0..<count]))
        count = 0
        return bytes
    }
}
