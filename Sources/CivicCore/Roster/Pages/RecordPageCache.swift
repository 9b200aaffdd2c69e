/// The rows of a long result list, fetched a page at a time as the list shows them, so 300,000
/// records cost a few pages in memory and a few queries while scrolling. The list asks for a
/// row; a row not here marks its page wanted. The window fetches the pages `nextRequests()`
/// names in the background (the newest wanted first, a few at a time; pages scrolled past before
/// their turn are dropped) and hands them back with `received`, which says which rows to redraw.
/// A new query starts a new generation: answers to older ones are ignored.
public struct RecordPageCache<Row: Sendable>: Sendable {
    public let pageSize: Int
    /// Pages kept; the least recently shown go first.
    public let capacity: Int
    public let maximumInFlight: Int
    public private(set) var generation = 0
    private var pages: [Int: [Row]] = [:]
    /// Least recently used first.
    private var recency: [Int] = []
    /// Pages wanted and not asked for yet, the newest last.
    private var wanted: [Int] = []
    private var inFlight: Set<Int> = []

    public struct Request: Sendable, Hashable {
        public let generation: Int
        public let page: Int
        public var offset: Int { page * limit }
        public let limit: Int
    }

    public init(pageSize: Int = 200, capacity: Int = 12, maximumInFlight: Int = 2) {
        precondition(pageSize > 0 && capacity > 0 && maximumInFlight > 0, "a cache holds something")
        self.pageSize = pageSize
        self.capacity = capacity
        self.maximumInFlight = maximumInFlight
    }

    /// The row at `index` if its page is here; otherwise its page is wanted.
    public mutating func row(at index: Int) -> Row? {
        guard index >= 0 else { return nil }
        let page = index / pageSize
        guard let rows = pages[page] else {
            if !inFlight.contains(page) {
                wanted.removeAll { $0 == page }
                wanted.append(page)
                if wanted.count > capacity { wanted.removeFirst(wanted.count - capacity) }
            }
            return nil
        }
        touch(page)
        let offset = index % pageSize
        return rows.indices.contains(offset) ? rows[offset] : nil
    }

    /// The fetches to start now: the newest wanted pages, while fewer than `maximumInFlight` run.
    public mutating func nextRequests() -> [Request] {
        var requests: [Request] = []
        while inFlight.count < maximumInFlight, let page = wanted.popLast() {
            inFlight.insert(page)
            requests.append(Request(generation: generation, page: page, limit: pageSize))
        }
        return requests
    }

    /// Stores a fetched page; returns the rows to redraw (empty for an answer to an older query).
    public mutating func received(_ request: Request, rows: [Row]) -> Range<Int> {
        guard request.generation == generation else { return 0..<0 }
        inFlight.remove(request.page)
        pages[request.page] = rows
        touch(request.page)
        while recency.count > capacity {
            pages[recency.removeFirst()] = nil
        }
        return request.offset..<(request.offset + rows.count)
    }

    /// A fetch failed: its page may be wanted again.
    public mutating func failed(_ request: Request) {
        if request.generation == generation { inFlight.remove(request.page) }
    }

    /// Forgets everything for a new query.
    public mutating func reset() {
        generation += 1
        pages = [:]
        recency = []
        wanted = []
        inFlight = []
    }

    public var cachedPages: Int { pages.count }

    private mutating func touch(_ page: Int) {
        recency.removeAll { $0 == page }
        recency.append(page)
    }
}
