import Foundation

/// Hands elements from one producing thread to one consuming thread through a queue of at most
/// `capacity` elements, so the producer cannot run ahead and fill memory. Either side can stop
/// the other: the consumer by failing (the producer's next `put` throws its error), the
/// producer by abandoning (the consumer's next `take` returns nil).
final class Handoff<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    // Guarded by `condition`:
    private var elements: [Element] = []
    private var head = 0
    private var finished = false
    private var abandoned = false
    private var consumerError: (any Error)?
    private var consumerDone = false

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    /// Producer: waits for room; throws the consumer's error if it failed.
    func put(_ element: Element) throws {
        try condition.withLock {
            while elements.count - head >= capacity && consumerError == nil && !consumerDone { condition.wait() }
            if let consumerError { throw consumerError }
            elements.append(element)
            condition.broadcast()
        }
    }

    /// Producer: no more elements; the consumer finishes what it has.
    func finish() {
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }

    /// Producer: stop; the consumer gets nil from now on.
    func abandon() {
        condition.withLock {
            abandoned = true
            condition.broadcast()
        }
    }

    /// Consumer: the next element, or nil when finished or abandoned.
    func take() -> Element? {
        condition.withLock {
            while head == elements.count && !finished && !abandoned { condition.wait() }
            if abandoned || head == elements.count { return nil }
            let element = elements[head]
            head += 1
            if head == elements.count {
                elements.removeAll(keepingCapacity: true)
                head = 0
            }
            condition.broadcast()
            return element
        }
    }

    /// Consumer: it has stopped, with `error` if it failed.
    func consumerFinished(_ error: (any Error)?) {
        condition.withLock {
            consumerError = error
            consumerDone = true
            condition.broadcast()
        }
    }

    /// Producer: waits until the consumer has stopped; rethrows its error.
    func waitForConsumer() throws {
        try condition.withLock {
            while !consumerDone { condition.wait() }
            if let consumerError { throw consumerError }
        }
    }

    /// True when the consumer stopped.
    var isConsumerDone: Bool {
        condition.withLock { consumerDone }
    }
}

/// Moves a value that is not `Sendable` to one other thread, which alone uses it from then on.
/// The owner guarantees that exclusivity; this box only states it.
public struct Handover<Value>: @unchecked Sendable {
    public let value: Value

    public init(value: Value) {
        self.value = value
    }
}
