import CivicCore

/// The files of a HiCOS card that may be read without a PIN (`MOICALayout`), with ISO 7816-4
/// selection and READ BINARY, and the status words a real card gives for what it cannot do.
struct HiCOSFileSystem: Sendable {
    private indirect enum Node: Sendable {
        case directory([UInt16: Node])
        case file([UInt8])
    }

    private let masterFile: Node
    /// The selected directory as a path from the master file, and the selected file in it.
    private var directoryPath: [UInt16] = []
    private var selectedFile: UInt16?

    /// The version file as current cards have it; the rest of its 32 bytes is padding.
    static let versionFileContents = Array("CHT V32N".utf8) + [UInt8](repeating: 0x00, count: 24)

    init(certificates: [MOICALayout.Slot: [UInt8]]) {
        var store = [UInt8](repeating: 0xFF, count: MOICALayout.storeSize)
        for (slot, der) in certificates {
            precondition(der.count <= MOICALayout.slotSize, "a certificate must fit its slot")
            store.replaceSubrange(slot.offset..<(slot.offset + der.count), with: der)
        }
        masterFile = .directory([
            MOICALayout.infoDirectory: .directory([MOICALayout.versionFile: .file(Self.versionFileContents)]),
            MOICALayout.certificateDirectory: .directory([MOICALayout.certificateStore: .file(store)]),
        ])
    }

    mutating func reset() {
        directoryPath = []
        selectedFile = nil
    }

    mutating func respond(to command: CommandAPDU) -> ResponseAPDU {
        guard command.cla == MOICALayout.cla else { return ResponseAPDU(status: .classNotSupported) }
        switch command.ins {
        case 0xA4: return ResponseAPDU(status: select(command))
        case 0xB0: return readBinary(command)
        default: return ResponseAPDU(status: .instructionNotSupported)
        }
    }

    /// SELECT by file identifier: the master file, a child of the selected directory, or a
    /// sibling of it (a child of its parent).
    private mutating func select(_ command: CommandAPDU) -> StatusWord {
        guard command.p1 == 0, command.p2 == 0 else { return .incorrectP1P2 }
        guard command.data.count == 2 else { return .wrongLength }
        let fileID = UInt16(command.data[0]) << 8 | UInt16(command.data[1])
        if fileID == MOICALayout.masterFile {
            reset()
            return .success
        }
        var candidates = [directoryPath]
        if !directoryPath.isEmpty { candidates.append(Array(directoryPath.dropLast())) }
        for path in candidates {
            guard case .directory(let children) = node(at: path), let child = children[fileID] else { continue }
            switch child {
            case .directory:
                directoryPath = path + [fileID]
                selectedFile = nil
            case .file:
                directoryPath = path
                selectedFile = fileID
            }
            return .success
        }
        return .fileNotFound
    }

    private func readBinary(_ command: CommandAPDU) -> ResponseAPDU {
        guard let selectedFile, case .directory(let children) = node(at: directoryPath),
              case .file(let contents) = children[selectedFile] else { return ResponseAPDU(status: .noCurrentFile) }
        guard command.p1 & 0x80 == 0 else { return ResponseAPDU(status: .incorrectP1P2) }
        guard let length = command.le, command.data.isEmpty else { return ResponseAPDU(status: .wrongLength) }
        let offset = command.p1p2
        guard offset < contents.count else { return ResponseAPDU(status: .wrongOffset) }
        let end = min(offset + length, contents.count)
        return ResponseAPDU(data: Array(contents[offset..<end]), status: end - offset < length ? .endOfFileReached : .success)
    }

    private func node(at path: [UInt16]) -> Node? {
        var node = masterFile
        for fileID in path {
            guard case .directory(let children) = node, let child = children[fileID] else { return nil }
            node = child
        }
        return node
    }
}
