import CivicCore
import COpenSSL
import Foundation

/// An encrypted batch file (spec §1): a CMS AuthEnvelopedData or EnvelopedData in DER, BER or
/// PEM armour. Opening reads only the structure before the encrypted content, so the content
/// type, cipher and recipients are known without a key; decrypting streams the content from the
/// file in chunks and never holds the file in memory (batches run to hundreds of megabytes).
///
/// Flow: `init(contentsOf:)` → `recipient(for:)` (which card is needed) → `unwrapContentKey(with:)`
/// (the card, after its PIN) → `decrypt(using:…)`. The file stays open (by descriptor) until
/// this object goes away, so it can be decrypted again, for example after a wrong PIN.
/// Thread-safe: reads use `pread` and keep no shared position.
public final class EncryptedEnvelope: @unchecked Sendable {
    public enum ContentType: String, Sendable {
        case authEnvelopedData = "AuthEnvelopedData"
        case envelopedData = "EnvelopedData"
    }

    public let url: URL
    public let contentType: ContentType
    public let algorithm: ContentEncryptionAlgorithm
    /// The KeyTransRecipientInfo entries, in file order.
    public let recipients: [EnvelopeRecipient]
    /// The size of the file, the total that progress counts towards.
    public let fileSize: Int64

    private let descriptor: Int32
    private let armour: PEMByteSource.Armour?
    private let parameters: ContentEncryptionParameters

    /// Opens `url` and reads its structure up to the encrypted content.
    public init(contentsOf url: URL) throws {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw EnvelopeError.cannotRead(path: url.path, reason: FileReadFailure.fromErrno().reason)
        }
        self.descriptor = descriptor
        self.url = url
        var status = stat()
        fstat(descriptor, &status)
        fileSize = Int64(status.st_size)

        // Close the descriptor if anything below throws (deinit does not run for a failed init).
        var opened = false
        defer { if !opened { close(descriptor) } }
        var prefix = [UInt8](repeating: 0, count: 4096)
        let count = try Self.mapFileErrors(url) {
            try prefix.withUnsafeMutableBytes { try FileByteSource(descriptor: descriptor).read(into: $0) }
        }
        let armour = PEMByteSource.armour(at: Array(prefix.prefix(count)))
        if let armour, !["CMS", "PKCS7"].contains(armour.label) { throw EnvelopeError.notCMS }
        self.armour = armour
        let layout = try Self.mapFileErrors(url) { try Self.layout(Self.reader(descriptor, armour)) }
        contentType = layout.contentType
        parameters = layout.parameters
        algorithm = layout.parameters.algorithm
        recipients = layout.recipients
        opened = true
    }

    deinit {
        close(descriptor)
    }

    /// The entry naming `certificate` (the card's encryption certificate), if there is one.
    public func recipient(for certificate: CertificateInfo) -> EnvelopeRecipient? {
        recipients.first { $0.names(certificate) }
    }

    /// Asks the key (the card) to unwrap the content key from its recipient entry. Errors the key
    /// throws (wrong PIN, card removed) reach the caller unchanged.
    public func unwrapContentKey(with key: some PrivateKeyOperations) throws -> ContentKey {
        guard let recipient = recipient(for: key.certificate) else {
            throw EnvelopeError.notForThisCard(recipients: recipients.map(\.identifier))
        }
        guard let padding = recipient.padding else {
            throw EnvelopeError.unsupportedAlgorithm(recipient.keyTransportName)
        }
        var unwrapped = try key.decrypt(recipient.encryptedKey, padding: padding)
        defer { unwrapped.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) } }
        guard unwrapped.count == algorithm.keyLength else { throw EnvelopeError.keyUnwrapFailed }
        return ContentKey(unwrapped, algorithm: algorithm)
    }

    /// How often progress is reported, in bytes of the file.
    static let progressStep: Int64 = 1 << 20

    /// Decrypts the content, handing plaintext to `consume` in chunks of about `chunkSize` bytes;
    /// reports progress about every megabyte of the file and once at the end.
    ///
    /// The plaintext is PROVISIONAL until this returns: the GCM tag (or the CBC padding) is only
    /// checked at the end of the file. When this throws, the caller must discard everything it
    /// was given (the roster import rolls back its transaction). Errors thrown by `consume` stop
    /// the work and reach the caller unchanged; `isCancelled` returning true throws
    /// `CancellationError`.
    @discardableResult
    public func decrypt(using key: ContentKey,
                        chunkSize: Int = 256 * 1024,
                        progress: (EnvelopeProgress) -> Void = { _ in },
                        isCancelled: () -> Bool = { false },
                        consume: ([UInt8]) throws -> Void) throws -> DecryptionSummary {
        guard key.algorithm == algorithm else { throw EnvelopeError.keyUnwrapFailed }
        let reader = Self.reader(descriptor, armour)
        return try Self.mapFileErrors(url) {
            let layout = try Self.layout(reader)
            guard layout.parameters == parameters else { throw EnvelopeError.damaged }
            let decryptor = try ContentDecryptor(parameters: layout.parameters, key: key)
            let pending = PlaintextChunks(chunkSize: chunkSize, largestPiece: reader.bufferSize)
            var plaintextBytes: Int64 = 0
            var reported: Int64 = 0
            func flush() throws {
                guard pending.count > 0 else { return }
                plaintextBytes += Int64(pending.count)
                try consume(pending.take())
            }
            try reader.streamString(layout.content) { ciphertext in
                if isCancelled() { throw CancellationError() }
                pending.append { decryptor.update(ciphertext, into: $0) }
                if pending.isFull { try flush() }
                if reader.filePosition - reported >= Self.progressStep {
                    reported = reader.filePosition
                    progress(EnvelopeProgress(bytesRead: reported, totalBytes: fileSize))
                }
            }
            let tag = try Self.finishStructure(reader, layout)
            try pending.append { try decryptor.finish(tag: tag, into: $0) }
            try flush()
            progress(EnvelopeProgress(bytesRead: fileSize, totalBytes: fileSize))
            return DecryptionSummary(plaintextBytes: plaintextBytes, algorithm: algorithm,
                                     authenticated: algorithm.isAuthenticated)
        }
    }

    /// `unwrapContentKey(with:)` then `decrypt(using:…)`.
    @discardableResult
    public func decrypt(with key: some PrivateKeyOperations,
                        chunkSize: Int = 256 * 1024,
                        progress: (EnvelopeProgress) -> Void = { _ in },
                        isCancelled: () -> Bool = { false },
                        consume: ([UInt8]) throws -> Void) throws -> DecryptionSummary {
        try decrypt(using: unwrapContentKey(with: key), chunkSize: chunkSize, progress: progress,
                    isCancelled: isCancelled, consume: consume)
    }
}

/// How far decrypting has come, in bytes of the file.
public struct EnvelopeProgress: Sendable, Equatable {
    public let bytesRead: Int64
    public let totalBytes: Int64

    public var fraction: Double {
        totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : 1
    }
}

/// What a finished decryption established.
public struct DecryptionSummary: Sendable, Equatable {
    public let plaintextBytes: Int64
    public let algorithm: ContentEncryptionAlgorithm
    /// True when a GCM tag proved the content intact; CBC content has no such proof (the
    /// roster's trailer digest then carries the integrity check).
    public let authenticated: Bool
}

// MARK: The structure around the encrypted content

extension EncryptedEnvelope {
    /// What the structure before the encrypted content says, and the containers left open.
    private struct Layout {
        let contentType: ContentType
        let recipients: [EnvelopeRecipient]
        let parameters: ContentEncryptionParameters
        let contentInfo: BERContainer
        let explicitContent: BERContainer
        let envelope: BERContainer
        let encryptedContentInfo: BERContainer
        /// The header of `[0] encryptedContent`, whose contents come next.
        let content: BERHeader
    }

    private static func reader(_ descriptor: Int32, _ armour: PEMByteSource.Armour?) -> BERReader {
        let file = FileByteSource(descriptor: descriptor, offset: Int64(armour?.bodyOffset ?? 0))
        return BERReader(source: armour == nil ? file : PEMByteSource(file: file))
    }

    /// ContentInfo { contentType, [0] EXPLICIT (Auth)EnvelopedData { version, originatorInfo?,
    /// recipientInfos, (auth)EncryptedContentInfo { contentType, algorithm, [0] content …
    private static func layout(_ reader: BERReader) throws -> Layout {
        let contentInfo: BERContainer
        let type: String
        do {
            contentInfo = try reader.enter(0x30)
            type = try reader.objectIdentifier()
        } catch is BERError {
            throw EnvelopeError.notCMS
        }
        let contentType: ContentType
        switch type {
        case OID.authEnvelopedData: contentType = .authEnvelopedData
        case OID.envelopedData: contentType = .envelopedData
        default: throw EnvelopeError.unsupportedContentType(OID.describe(type))
        }
        let explicitContent = try reader.enter(0xA0)
        let envelope = try reader.enter(0x30)
        _ = try reader.smallInteger()
        if try reader.peek() == 0xA0 { try reader.skipElement() }
        let recipients = try EnvelopeRecipient.all(in: reader.element(0x31))
        let encryptedContentInfo = try reader.enter(0x30)
        _ = try reader.objectIdentifier()
        let parameters = try ContentEncryptionParameters(AlgorithmIdentifier(der: reader.element(0x30)))
        // Detached content (no [0] here) is not something a batch file can be.
        guard try reader.hasMore(in: encryptedContentInfo) else { throw BERError.malformed }
        let content = try reader.header()
        guard content.tag & ~0x20 == 0x80 else { throw BERError.malformed }
        return Layout(contentType: contentType, recipients: recipients, parameters: parameters,
                      contentInfo: contentInfo, explicitContent: explicitContent, envelope: envelope,
                      encryptedContentInfo: encryptedContentInfo, content: content)
    }

    /// Reads what follows the encrypted content up to the end of the ContentInfo; returns the
    /// GCM tag (AuthEnvelopedData's `mac`).
    private static func finishStructure(_ reader: BERReader, _ layout: Layout) throws -> [UInt8]? {
        try reader.leave(layout.encryptedContentInfo)
        var tag: [UInt8]?
        if layout.contentType == .authEnvelopedData {
            // authAttrs would have to be authenticated before the content; OpenSSL never writes
            // them for id-data content, and the batch format does not use them.
            if try reader.peek() == 0xA1 { throw EnvelopeError.unsupportedAlgorithm("authAttrs") }
            tag = try reader.octetString()
        }
        let unprotectedAttributes: UInt8 = layout.contentType == .authEnvelopedData ? 0xA2 : 0xA1
        if try reader.hasMore(in: layout.envelope), try reader.peek() == unprotectedAttributes {
            try reader.skipElement()
        }
        try reader.leave(layout.envelope)
        try reader.leave(layout.explicitContent)
        try reader.leave(layout.contentInfo)
        return tag
    }

    /// Maps the reader's failures to what users are told; other errors pass unchanged.
    private static func mapFileErrors<T>(_ url: URL, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch BERError.truncated {
            throw EnvelopeError.truncated
        } catch BERError.malformed {
            throw EnvelopeError.damaged
        } catch let failure as FileReadFailure {
            throw EnvelopeError.cannotRead(path: url.path, reason: failure.reason)
        }
    }
}
