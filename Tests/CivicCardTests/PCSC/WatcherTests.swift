import CivicCardSim
import CivicCore
import CivicTestSupport
import Foundation
import Testing
@testable import CivicCard

extension CardLabTests {
    @Suite("Watching readers and cards")
    struct Watching {
        let lab: CardLab

        init() throws {
            lab = try CardLab.shared()
        }

        @Test("first what is there, then removal and insertion, each within a second")
        func insertAndRemove() throws {
            try lab.present("person:lead")
            let recorder = EventRecorder()
            let watcher = CardWatcher { recorder.record($0) }
            defer { watcher.stop() }
            #expect(recorder.wait(for: .readerAdded(lab.secondReaderName), within: 5) != nil)
            #expect(recorder.all == [.serviceAvailable, .readerAdded(lab.readerName),
                                     .cardInserted(reader: lab.readerName, atr: ATRs.hiCOS), .readerAdded(lab.secondReaderName)])

            var mark = recorder.all.count
            try lab.control("remove")
            let removal = recorder.wait(for: .cardRemoved(reader: lab.readerName), after: mark, within: 1)
            #expect(removal != nil, "removal seen within one second")

            mark = recorder.all.count
            try lab.control("insert health")
            let insertion = recorder.wait(for: .cardInserted(reader: lab.readerName, atr: ATRs.healthInsurance), after: mark, within: 1)
            #expect(insertion != nil, "insertion seen within one second")
            print("card watcher: removal after \(removal.map { "\($0)" } ?? "-"), insertion after \(insertion.map { "\($0)" } ?? "-")")
        }

        @Test("the service stopping takes its readers away; they come back with it")
        func serviceLostAndBack() throws {
            try lab.present("person:lead")
            let recorder = EventRecorder()
            let watcher = CardWatcher { recorder.record($0) }
            defer { watcher.stop() }
            #expect(recorder.wait(for: .readerAdded(lab.secondReaderName), within: 5) != nil)

            var mark = recorder.all.count
            try lab.setServiceRunning(false)
            #expect(recorder.wait(for: .serviceUnavailable, after: mark, within: 3) != nil)
            #expect(Array(recorder.all.dropFirst(mark)) == [.cardRemoved(reader: lab.readerName), .readerRemoved(lab.readerName),
                                                            .readerRemoved(lab.secondReaderName), .serviceUnavailable])
            #expect(throws: CardError.serviceUnavailable) { try CardService().readers() }
            #expect(throws: CardError.serviceUnavailable) { try CardService().readCard(in: lab.readerName) }

            mark = recorder.all.count
            try lab.setServiceRunning(true)
            #expect(recorder.wait(for: .cardInserted(reader: lab.readerName, atr: ATRs.hiCOS), after: mark, within: 5) != nil)
            #expect(Array(recorder.all.dropFirst(mark)).prefix(3) == [.serviceAvailable, .readerAdded(lab.readerName),
                                                                      .cardInserted(reader: lab.readerName, atr: ATRs.hiCOS)])
            try lab.waitForCard(true)
        }

        @Test("the async sequence delivers the same events and ends the watch when dropped")
        func asyncEvents() async throws {
            try lab.present("person:lead")
            var seen: [CardEvent] = []
            for await event in CardWatcher.events() {
                seen.append(event)
                if event == .cardInserted(reader: lab.readerName, atr: ATRs.hiCOS) { break }
            }
            #expect(seen == [.serviceAvailable, .readerAdded(lab.readerName), .cardInserted(reader: lab.readerName, atr: ATRs.hiCOS)])
        }
    }
}
