import Foundation

/// Runs `transform` over work items on several threads at once and hands the results back in
/// the order the items were submitted. At most `capacity` items are in flight (submitted and not
/// yet taken), so memory stays bounded however long the input is.
///
/// Either one thread (the owner) submits and takes, never blocking on a full queue because it
/// checks `hasRoom` and takes a result instead; or a producer thread submits with
/// `submitWhenRoom` and `close`s, while a consumer thread takes with `takeNextWaiting`. Call
/// `stop()` when done, also after an error: it returns once the worker threads have ended.
public final class OrderedParallelMap<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let transform: @Sendable (Input) -> Output
    private let capacity: Int
    private var workers: [JoinableThread] = []
    // Guarded by `condition`:
    /// Items waiting for a worker from `queueHead` on; taken ones are cleared at once, so a queue
    /// a producer never lets run empty holds no more than it must.
    private var queue: [(Int, Input)?] = []
    private var queueHead = 0
    private var results: [Int: Output] = [:]
    private var submitted = 0
    private var taken = 0
    private var stopped = false
    private var closed = false

    public init(workers: Int, capacity: Int, transform: @escaping @Sendable (Input) -> Output) {
        self.transform = transform
        self.capacity = max(capacity, 1)
        self.workers = (0..<max(workers, 1)).map { _ in JoinableThread(name: "civicdesk.verify") { [self] in work() } }
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
        condition.withLock { enqueueLocked(input) }
    }

    /// The result of the oldest item not yet taken, waiting for it if needed. Nil when nothing
    /// is in flight.
    public func takeNext() -> Output? {
        condition.withLock {
            guard taken < submitted else { return nil }
            while results[taken] == nil { condition.wait() }
            return takeLocked()
        }
    }

    /// For a producer thread: submits once fewer than `capacity` items are in flight, waiting
    /// for the consumer to take results. False, with nothing submitted, once stopped.
    public func submitWhenRoom(_ input: Input) -> Bool {
        condition.withLock {
            while !stopped && submitted - taken >= capacity { condition.wait() }
            guard !stopped else { return false }
            enqueueLocked(input)
            return true
        }
    }

    /// For a producer thread: nothing more will be submitted.
    public func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    /// For a consumer thread: the result of the oldest item not yet taken, waiting for it even
    /// before it is submitted. Nil once `close()`d with everything taken, or once stopped.
    public func takeNextWaiting() -> Output? {
        condition.withLock {
            while !stopped && results[taken] == nil && !(closed && taken == submitted) { condition.wait() }
            guard !stopped, results[taken] != nil else { return nil }
            return takeLocked()
        }
    }

    private func enqueueLocked(_ input: Input) {
        queue.append((submitted, input))
        submitted += 1
        condition.broadcast()
    }

    private func takeLocked() -> Output? {
        let output = results.removeValue(forKey: taken)
        taken += 1
        condition.broadcast()
        return output
    }

    /// True once `stop()` was called: a producer need not read on.
    public var isStopped: Bool {
        condition.withLock { stopped }
    }

    /// Ends the worker threads and waits for them; items not yet transformed are dropped.
    public func stop() {
        condition.withLock {
            stopped = true
            queue.removeAll()
            queueHead = 0
            condition.broadcast()
        }
        for worker in workers { worker.join() }
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
            queue[queueHead] = nil
            queueHead += 1
            if queueHead == queue.count {
                queue.removeAll(keepingCapacity: true)
                queueHead = 0
            } else if queueHead >= 64 {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            return item
        }
    }
}
