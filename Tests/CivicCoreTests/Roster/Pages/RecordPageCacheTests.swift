import Testing
@testable import CivicCore

@Suite("Paging a long result list")
struct RecordPageCacheTests {
    /// The rows a fetch of `request` returns from a list of `total` numbers.
    static func fetch(_ request: RecordPageCache<Int>.Request, total: Int = 1_000) -> [Int] {
        Array(request.offset..<min(request.offset + request.limit, total))
    }

    @Test("a missing row asks for its page once; the answer fills the rows to redraw")
    func fetchOnDemand() {
        var cache = RecordPageCache<Int>(pageSize: 10, capacity: 3, maximumInFlight: 2)
        #expect(cache.row(at: 25) == nil)
        #expect(cache.row(at: 26) == nil)
        let requests = cache.nextRequests()
        #expect(requests == [.init(generation: 0, page: 2, limit: 10)])
        #expect(cache.row(at: 27) == nil && cache.nextRequests().isEmpty, "a page in flight is not asked for again")
        #expect(cache.received(requests[0], rows: Self.fetch(requests[0])) == 20..<30)
        #expect(cache.row(at: 27) == 27)
    }

    @Test("the newest wanted pages go first, a few at a time; pages scrolled past are dropped")
    func newestFirst() {
        var cache = RecordPageCache<Int>(pageSize: 10, capacity: 3, maximumInFlight: 2)
        for index in stride(from: 0, to: 100, by: 10) { _ = cache.row(at: index) }
        let first = cache.nextRequests()
        #expect(first.map(\.page) == [9, 8])
        #expect(cache.nextRequests().isEmpty, "two in flight")
        _ = cache.received(first[0], rows: Self.fetch(first[0]))
        #expect(cache.nextRequests().map(\.page) == [7])
        _ = cache.received(first[1], rows: Self.fetch(first[1]))
        #expect(cache.nextRequests().isEmpty, "pages 0–6 were scrolled past: only the last three wanted were kept")
    }

    @Test("only `capacity` pages stay, the least recently shown go first")
    func bounded() {
        var cache = RecordPageCache<Int>(pageSize: 10, capacity: 2, maximumInFlight: 1)
        for page in [0, 1, 2] {
            _ = cache.row(at: page * 10)
            let request = cache.nextRequests()[0]
            _ = cache.received(request, rows: Self.fetch(request))
            if page == 1 { #expect(cache.row(at: 0) == 0, "page 0 shown again, so page 1 is the oldest") }
        }
        #expect(cache.cachedPages == 2)
        #expect(cache.row(at: 5) == 5 && cache.row(at: 25) == 25)
        #expect(cache.row(at: 15) == nil, "page 1 went")
    }

    @Test("a new query ignores the answers to the old one; a failed page may be asked again")
    func generations() {
        var cache = RecordPageCache<Int>(pageSize: 10)
        _ = cache.row(at: 0)
        let old = cache.nextRequests()[0]
        cache.reset()
        #expect(cache.received(old, rows: [99]) == 0..<0)
        #expect(cache.row(at: 0) == nil)
        let fresh = cache.nextRequests()[0]
        #expect(fresh.generation == 1)
        cache.failed(fresh)
        #expect(cache.row(at: 0) == nil)
        #expect(cache.nextRequests().map(\.page) == [0])
    }

    @Test("the last page may be short")
    func lastPage() {
        var cache = RecordPageCache<Int>(pageSize: 10)
        _ = cache.row(at: 995)
        let request = cache.nextRequests()[0]
        #expect(cache.received(request, rows: Self.fetch(request, total: 997)) == 990..<997)
        #expect(cache.row(at: 996) == 996 && cache.row(at: 998) == nil)
    }
}
