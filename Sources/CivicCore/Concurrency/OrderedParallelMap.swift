import Foundation

/// Runs `transform` over work items on several threads at once and hands the results back in
/// the order the items were submitted. At most `capacity` items are in flight (submitted and not
/// yet taken), so memory stays bounded however long the input is.
///
/// One thread (the owner) submits and takes; it never blocks on a full queue because it checks
/// `hasRoom` and takes a result instead. Call `stop()` when done, also after an error.
public final class OrderedParallelMap<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let transform: @Sendable (Input) -> Output
    private let capacity: Int
    // Guarded by `condition`:
    private var queue: [(Int, Input)] = []
    private var queueHead = 0
    private var results: [Int: Output] = [:]
    private var submitted = 0
    private var taken = 0
    private var stopped = false

    public init(workers: Int, capacity: Int, transform: @escaping @Sendable (Input) -> Output) {
        self.transform = transform
        self.capacity = max(capacity, 1)
        for _ in 0..<max(workers, 1) {
            let thread = Thread { [self] in work() }
            thread.name = "civicdesk.verify"
            thread.start()
        }
    }

    /// True while fewer than `capacity` items are in flight.
    public var hasRoom: Bool {
        condition.withLock { submitted - taken < capacity }
    }

    /// Items submitted and not yet taken.
    public var inFlight: Int {
        condition.withLock { submitted - taken }
    }

    public func submit(_ input: Input) {
        condition.withLock {
            queue.append((submitted, input))
            submitted += 1
            condition.broadcast()
        }
    }

    /// The result of the oldest item not yet taken, waiting for it if needed. Nil when nothing
    /// is in flight.
    public func takeNext() -> Output? {
        condition.withLock {
            guard taken < submitted else { return nil }
            while results[taken] == nil { condition.wait() }
            let output = results.removeValue(forKey: taken)
            taken += 1
            return output
        }
    }

    /// Ends the worker threads; items not yet transformed are dropped.
    public func stop() {
        condition.withLock {
            stopped = true
            queue.removeAll()
            queueHead = 0
            condition.broadcast()
        }
    }

    private func work() {
        while let (index, input) = nextItem() {
            let output = transform(input)
            condition.withLock {
                results[index] = output
                condition.broadcast()
            }
        }
    }

    private func nextItem() -> (Int, Input)? {
        condition.withLock {
            while !stopped && queueHead == queue.count { condition.wait() }
            if stopped { return nil }
            let item = queue[queueHead]
            queueHead += 1
            if queueHead == queue.count {
                queue.removeAll(keepingCapacity: true)
                queueHead = 0
            }
            return item
        }
    }
}
