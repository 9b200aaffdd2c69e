/// A PKCS#11 token (a card behind its vendor's module, or a SoftHSM2 token) as CivicDesk shows
/// it and as a PKCS#11 URI selects it: the slot and token fields, with padding trimmed.
public struct TokenDescription: Sendable, Hashable {
    public let slotID: UInt
    public let slotDescription: String
    public let slotManufacturer: String
    public let label: String
    public let manufacturer: String
    public let model: String
    public let serial: String
    public let pinFlags: PINFlags
    /// The PIN lengths the token itself declares (ulMinPinLen…ulMaxPinLen).
    public let pinLengths: ClosedRange<Int>

    public init(slotID: UInt, slotDescription: String, slotManufacturer: String, label: String,
                manufacturer: String, model: String, serial: String, pinFlags: PINFlags, pinLengths: ClosedRange<Int>) {
        self.slotID = slotID
        self.slotDescription = slotDescription
        self.slotManufacturer = slotManufacturer
        self.label = label
        self.manufacturer = manufacturer
        self.model = model
        self.serial = serial
        self.pinFlags = pinFlags
        self.pinLengths = pinLengths
    }

    public var pinStatus: PINStatus { PINStatus(flags: pinFlags) }
}

/// A PKCS#11 slot: for card modules one per reader, with or without a card (token) in it.
public struct SlotDescription: Sendable, Hashable {
    public let slotID: UInt
    public let description: String
    public let manufacturer: String
    public let tokenPresent: Bool

    public init(slotID: UInt, description: String, manufacturer: String, tokenPresent: Bool) {
        self.slotID = slotID
        self.description = description
        self.manufacturer = manufacturer
        self.tokenPresent = tokenPresent
    }
}
