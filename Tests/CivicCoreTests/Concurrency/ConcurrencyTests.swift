import Foundation
import Synchronization
import Testing
@testable import CivicCore

@Suite("平行處理")
struct ConcurrencyTests {
    @Test func resultsComeBackInOrderWithBoundedWork() {
        let map = OrderedParallelMap<Int, Int>(workers: 4, capacity: 3) { value in
            usleep(UInt32.random(in: 0...2000))
            return value * value
        }
        defer { map.stop() }
        var results: [Int] = []
        var next = 0
        while results.count < 200 {
            if next < 200 && map.hasRoom {
                map.submit(next)
                next += 1
                #expect(map.inFlight <= 3)
            } else if let result = map.takeNext() {
                results.append(result)
            }
        }
        #expect(results == (0..<200).map { $0 * $0 })
        #expect(map.takeNext() == nil)
    }

    @Test func aProducerThreadAndAConsumerThreadKeepTheOrderAndTheBound() {
        let map = OrderedParallelMap<Int, Int>(workers: 3, capacity: 4) { value in
            usleep(UInt32.random(in: 0...1000))
            return value + 1
        }
        defer { map.stop() }
        let overBound = Atomic<Bool>(false)
        Thread.detachNewThread {
            for value in 0..<300 {
                guard map.submitWhenRoom(value) else { return }
                if map.inFlight > 4 { overBound.store(true, ordering: .relaxed) }
            }
            map.close()
        }
        var results: [Int] = []
        while let result = map.takeNextWaiting() { results.append(result) }
        let exceeded = overBound.load(ordering: .relaxed)
        #expect(results == (1...300).map { $0 })
        #expect(!exceeded)
    }

    @Test func stoppingReleasesAProducerWaitingForRoom() {
        let map = OrderedParallelMap<Int, Int>(workers: 1, capacity: 2) { $0 }
        let submitted = DispatchSemaphore(value: 0)
        let refused = Atomic<Bool>(false)
        Thread.detachNewThread {
            var value = 0
            while map.submitWhenRoom(value) { value += 1 }
            refused.store(true, ordering: .relaxed)
            submitted.signal()
        }
        usleep(50_000)
        let refusedEarly = refused.load(ordering: .relaxed)
        #expect(!refusedEarly, "waits while the map is full")
        #expect(map.inFlight == 2, "submitted up to the capacity, no further")
        map.stop()
        #expect(submitted.wait(timeout: .now() + 5) == .success)
        let refusedAfterStop = refused.load(ordering: .relaxed)
        #expect(refusedAfterStop)
        #expect(map.takeNextWaiting() == nil)
    }

    struct Failed: Error {}

    /// What a thread held is let go of before `join()` returns, on the joining thread's watch:
    /// a process that exits next finds no thread of its own still running (issue 16).
    @Test func joiningWaitsForTheBodyAndWhatItHeld() {
        final class Flag: Sendable {
            let value = Atomic<Bool>(false)
            var isSet: Bool { value.load(ordering: .relaxed) }
        }
        final class Held: Sendable {
            let released: Flag
            init(_ released: Flag) { self.released = released }
            deinit { released.value.store(true, ordering: .relaxed) }
        }
        let released = Flag()
        let ranWhileHeld = Flag()
        _ = {
            let held = Held(released)
            let thread = JoinableThread(name: "test.join") {
                usleep(100_000)
                ranWhileHeld.value.store(!held.released.isSet, ordering: .relaxed)
            }
            thread.join()
            thread.join() // a second join returns at once
        }()
        #expect(ranWhileHeld.isSet)
        #expect(released.isSet)
    }

    /// `stop()` returns once the workers have ended: no transform runs after it.
    @Test func stoppingWaitsForTheWorkers() {
        let running = Atomic<Int>(0)
        let map = OrderedParallelMap<Int, Int>(workers: 2, capacity: 8) { value in
            running.add(1, ordering: .relaxed)
            usleep(50_000)
            running.subtract(1, ordering: .relaxed)
            return value
        }
        for value in 0..<8 { map.submit(value) }
        usleep(10_000)
        map.stop()
        #expect(running.load(ordering: .relaxed) == 0)
    }

    @Test func aFailingConsumerStopsTheProducer() {
        let handoff = Handoff<Int>(capacity: 2)
        Thread.detachNewThread {
            while let value = handoff.take() {
                if value == 5 {
                    handoff.consumerFinished(Failed())
                    return
                }
            }
            handoff.consumerFinished(nil)
        }
        var put = 0
        #expect(throws: Failed.self) {
            for value in 0..<1000 {
                try handoff.put(value)
                put += 1
            }
        }
        #expect(put < 10)
        #expect(throws: Failed.self) { try handoff.waitForConsumer() }
    }

    @Test func anAbandonedHandoffEndsTheConsumer() throws {
        let handoff = Handoff<Int>(capacity: 2)
        try handoff.put(1)
        handoff.abandon()
        #expect(handoff.take() == nil)
        let finished = Handoff<Int>(capacity: 2)
        try finished.put(1)
        finished.finish()
        #expect(finished.take() == 1)
        #expect(finished.take() == nil)
    }

    @Test func cancellationIsSeenEverywhere() async {
        let flag = CancellationFlag()
        #expect(!flag.isCancelled)
        await Task.detached { flag.cancel() }.value
        #expect(flag.isCancelled)
    }
}
