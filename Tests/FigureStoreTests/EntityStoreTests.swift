import Entities
@testable import FigureStore
import Figures
import Foundation
import GRDB
import SoLieu
import Testing

/// Articles made by hand with exact entities and figure contexts (the entity rules are being
/// improved elsewhere: these tests do not depend on what they find).
enum Handmade {
    /// A figure's place and subject, and the entities they name.
    struct Context {
        var place: FigureContext?
        var subject: FigureContext?
    }

    /// The contexts the figures cycle through. Entity ids refer to `entities(_:)`.
    static let contexts: [Context] = [
        Context(place: FigureContext(text: "tỉnh Vĩnh Phúc", entity: 1), subject: FigureContext(text: "Đảng bộ tỉnh", entity: 3)),
        Context(place: FigureContext(text: "xã Lãng Công", entity: 2, within: ["huyện Sông Lô", "tỉnh Vĩnh Phúc"])),
        Context(place: FigureContext(text: "Vĩnh Phúc"), subject: FigureContext(text: "Huyện ủy Tam Đảo")),
        Context(place: FigureContext(text: "huyện Tam Đảo", within: ["tỉnh Vĩnh Phúc"])),
        Context(place: FigureContext(text: "tỉnh Phú Thọ"), subject: FigureContext(text: "Đảng bộ xã Đồng Tâm")),
        Context(),
        Context(place: FigureContext(text: "Hà Nội"), subject: FigureContext(text: "Sở Kế hoạch và Đầu tư")),
        Context(place: FigureContext(text: "phường Phúc Yên", within: ["thành phố Phúc Yên", "tỉnh Vĩnh Phúc"])),
    ]

    /// The people an article names, by article number: `Hoàng Văn Toàn` in every third; in the
    /// next, `Hoàng Văn Bình` and `Lê Văn Toàn` (every word of `Hoàng Văn Toàn`, but not one person).
    static func people(_ k: Int) -> [(name: String, titles: [String])] {
        switch k % 3 {
        case 0: [("Hoàng Văn Toàn", ["Bí thư Tỉnh ủy", "Trưởng đoàn ĐBQH \"tỉnh\""])]
        case 1: [("Hoàng Văn Bình", []), ("Lê Văn Toàn", ["Chủ tịch UBND huyện"])]
        default: []
        }
    }

    /// `count` articles of `figuresEach` figures; figure contexts cycle through `contexts`,
    /// units through `hộ`/`tỷ đồng`, years through 2022/2023; some articles are undated.
    static func analyses(count: Int, figuresEach: Int = 5, prefix: String = "tay") -> [ArticleAnalysis] {
        (0..<count).map { k in
            var text = ""
            var scalars = 0
            var figures: [Figure] = []
            var entities: [Entity] = []
            func append(_ s: String) -> Range<Int> {
                let start = scalars
                text += s
                scalars += s.unicodeScalars.count
                return start..<scalars
            }
            // the article's entities: the places and the subject the contexts name, then its people
            let intro = "Tin từ tỉnh Vĩnh Phúc, xã Lãng Công và Đảng bộ tỉnh. "
            _ = append(intro)
            let vp = "Tin từ ".unicodeScalars.count
            entities.append(Entity(id: 1, kind: .place, text: "tỉnh Vĩnh Phúc", start: vp, end: vp + 14,
                                   mentions: [Entity.Span(start: vp, end: vp + 14), Entity.Span(start: vp + 5, end: vp + 14)]))
            entities.append(Entity(id: 2, kind: .place, text: "xã Lãng Công", start: vp + 16, end: vp + 28))
            entities.append(Entity(id: 3, kind: .organization, text: "Đảng bộ tỉnh", start: vp + 32, end: vp + 44))
            for (i, person) in people(k).enumerated() {
                let r = append("Ông \(person.name) phát biểu. ")
                entities.append(Entity(id: 4 + i, kind: .person, text: person.name, start: r.lowerBound + 4,
                                       end: r.lowerBound + 4 + person.name.unicodeScalars.count, titles: person.titles))
            }
            for j in 0..<figuresEach {
                let c = contexts[(k * 3 + j) % contexts.count]
                let n = 10 + (k * figuresEach + j) % 90
                let unit = j % 2 == 0 ? "hộ" : "tỷ đồng"
                let year = 2022 + (k + j) % 2
                let lead = "Năm \(year), \(c.place?.text ?? "nơi khác") có "
                let figureText = "\(n) \(unit)"
                let sentence = lead + figureText + " nghèo."
                let r = append(sentence + " ")
                let start = r.lowerBound + lead.unicodeScalars.count
                var f = Figure(id: j + 1, text: figureText, value: Decimal(n), unit: unit, time: Period("\(year)"),
                               start: start, end: start + figureText.unicodeScalars.count, sentenceIndex: j + 1, sentence: sentence)
                f.place = c.place
                f.subject = c.subject
                if var place = f.place, place.entity == nil {
                    // the words of the sentence: offsets without an entity
                    let from = r.lowerBound + "Năm \(year), ".unicodeScalars.count
                    place.start = from
                    place.end = from + place.text.unicodeScalars.count
                    f.place = place
                }
                figures.append(f)
            }
            let date: CalendarDay? = k % 7 == 6 ? nil : CalendarDay(year: 2024, month: 1 + k % 12, day: 1 + k % 28)
            let article = Article(name: "\(prefix)-\(k)", source: "-", format: .text, date: date, text: text, blocks: [])
            return ArticleAnalysis(article: article, figures: figures, entities: entities)
        }
    }
}

@Suite struct EntityStoreTests {
    /// 400 hand-made articles (2,000 figures), stored once.
    static let shared = Result { () throws -> (analyses: [ArticleAnalysis], store: FigureStore) in
        let analyses = Handmade.analyses(count: 400)
        let store = try FigureStore.inMemory()
        _ = try store.ingest(analyses, contentHash: analyses.map { fnv1a64($0.article.text) })
        return (analyses, store)
    }

    let analyses: [ArticleAnalysis]
    let store: FigureStore

    init() throws { (analyses, store) = try Self.shared.get() }

    /// The store's answer to `q` equals the reference's, in the default order (or, with text,
    /// as a set), limit applied.
    func expectReference(_ q: FigureQuery, count: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let stored = try store.figures(matching: q).map(Key.init)
        var all = q
        all.limit = nil
        if q.text != nil {
            #expect(Set(stored) == Set(Reference.figures(analyses, all)), "\(q)", sourceLocation: sourceLocation)
            #expect(stored.count == Set(stored).count, sourceLocation: sourceLocation)
        } else {
            let want = Reference.ordered(analyses, all)
            #expect(stored == Array(want.prefix(q.limit ?? want.count)), "\(q)", sourceLocation: sourceLocation)
        }
        if let count { #expect(stored.count == count, "\(q)", sourceLocation: sourceLocation) }
    }

    @Test func placeFilter() throws {
        // places: `tỉnh Vĩnh Phúc`, `Vĩnh Phúc`, and places within it (xã Lãng Công, huyện Tam Đảo, phường Phúc Yên)
        try expectReference(FigureQuery(place: "Vĩnh Phúc"), count: 1250)
        try expectReference(FigureQuery(place: "vinh phuc"), count: 1250)
        try expectReference(FigureQuery(place: "VĨNH PHÚC"), count: 1250)
        // a whole word: `Phúc` (Vĩnh Phúc, Phúc Yên) is not `Phú` (Phú Thọ)
        try expectReference(FigureQuery(place: "Phúc"), count: 1250)
        try expectReference(FigureQuery(place: "Phu"), count: 250)
        try expectReference(FigureQuery(place: "Ph"), count: 0)
        try expectReference(FigureQuery(place: "Lãng Công"), count: 250)
        try expectReference(FigureQuery(place: "Sông Lô"), count: 250)
        // words across the place and the larger one
        try expectReference(FigureQuery(place: "Tam Đảo Vĩnh Phúc"), count: 250)
        try expectReference(FigureQuery(place: "Hà Nội"), count: 250)
        try expectReference(FigureQuery(place: "Đà Nẵng"), count: 0)
        try expectReference(FigureQuery(place: "!?"), count: 0)
    }

    @Test func placeWithLimitWalksOrDrives() throws {
        // common (walks the default order, probing) and rare (taken from the index, sorted)
        for place in ["Vĩnh Phúc", "Lãng Công", "Phu", "tỉnh", "Yên"] {
            for limit in [1, 5, 20, 300] {
                try expectReference(FigureQuery(place: place, limit: limit), count: nil)
            }
        }
        #expect(try store.figures(matching: FigureQuery(place: "Vĩnh Phúc", limit: 20)).count == 20)
        // both plans were taken: 1,250 figures is common (walk), 250 rare (drive) at 2,000 figures
        func driver(_ q: FigureQuery) throws -> FigureCondition.Context? { try store.writer.read { try FigureStore.contextDriver(q, $0) } }
        #expect(try driver(FigureQuery(place: "Vĩnh Phúc", limit: 5)) == nil)
        #expect(try driver(FigureQuery(place: "Lãng Công", limit: 5)) == .place)
        #expect(try driver(FigureQuery(place: "Vĩnh Phúc", person: "Lê Toàn", limit: 5)) == .person)
        #expect(try driver(FigureQuery(text: "nghèo", place: "Lãng Công", limit: 5)) == nil)
    }

    @Test func subjectFilter() throws {
        try expectReference(FigureQuery(subject: "Đảng bộ tỉnh"), count: 250)
        try expectReference(FigureQuery(subject: "dang bo tinh"), count: 250)
        // `Đảng bộ` is in `Đảng bộ tỉnh` and `Đảng bộ xã Đồng Tâm`
        try expectReference(FigureQuery(subject: "dang bo"), count: 500)
        try expectReference(FigureQuery(subject: "Tam Đảo"), count: 250)
        try expectReference(FigureQuery(subject: "Vĩnh Phúc"), count: 0)
        try expectReference(FigureQuery(subject: "đầu tư", limit: 7), count: 7)
    }

    @Test func personFilter() throws {
        // articles 0, 3, 6, ...: 134 articles of 5 figures
        try expectReference(FigureQuery(person: "Hoàng Văn Toàn"), count: 670)
        try expectReference(FigureQuery(person: "hoang van toan", limit: 12), count: 12)
        // one person holds the words: not `Hoàng Văn Bình` with `Lê Văn Toàn`
        try expectReference(FigureQuery(person: "Toàn"), count: 2000 - 665)
        try expectReference(FigureQuery(person: "Lê Toàn"), count: 665)
        try expectReference(FigureQuery(person: "Hoàng Văn Toàn Bình"), count: 0)
        // places and organisations are not people
        try expectReference(FigureQuery(person: "Vĩnh Phúc"), count: 0)
    }

    @Test func combinedWithOtherFilters() throws {
        try expectReference(FigureQuery(unit: "hộ", place: "Vĩnh Phúc"))
        try expectReference(FigureQuery(year: 2023, place: "Lãng Công"))
        try expectReference(FigureQuery(unit: "tỷ đồng", year: 2022, subject: "dang bo", limit: 10))
        try expectReference(FigureQuery(min: 50, max: 60, place: "vinh phuc", limit: 5))
        try expectReference(FigureQuery(place: "Vĩnh Phúc", subject: "Đảng bộ tỉnh", person: "Hoàng Văn Toàn"))
        try expectReference(FigureQuery(place: "Phúc Yên", person: "Lê Văn Toàn", limit: 3))
        try expectReference(FigureQuery(qualifier: .exact, article: "tay-9", place: "Vĩnh Phúc"))
        // with text: the search drives, the filters probe
        try expectReference(FigureQuery(text: "ngheo", place: "Lãng Công"))
        try expectReference(FigureQuery(text: "nghèo", unit: "hộ", year: 2022, place: "vinh phuc", person: "Toàn"))
        let limited = try store.figures(matching: FigureQuery(text: "nghèo", place: "Tam Đảo", limit: 9))
        #expect(limited.count == 9)
        #expect(Set(limited.map(Key.init)).isSubset(of: Set(Reference.figures(analyses, FigureQuery(text: "nghèo", place: "Tam Đảo")))))
    }

    /// A small store checked by hand: every figure's place and subject as stored.
    @Test func handCheckedPlaces() throws {
        let store = try FigureStore.inMemory()
        let three = Handmade.analyses(count: 3, figuresEach: 3, prefix: "h")
        _ = try store.ingest(three, contentHash: ["1", "2", "3"])
        // contexts of article k, figure j: (3k + j) % 8
        //   h-0: 0 tỉnh Vĩnh Phúc, 1 xã Lãng Công (in Vĩnh Phúc), 2 Vĩnh Phúc
        //   h-1: 3 huyện Tam Đảo (in Vĩnh Phúc), 4 tỉnh Phú Thọ, 5 none
        //   h-2: 6 Hà Nội, 7 phường Phúc Yên (in Vĩnh Phúc), 0 tỉnh Vĩnh Phúc
        // dates: h-2 2024-03-03, h-1 2024-02-02, h-0 2024-01-01 (newest first)
        func keys(_ q: FigureQuery) throws -> [String] {
            try store.figures(matching: q).map { "\($0.articleName)#\($0.figure.id) \($0.figure.place?.text ?? "-")" }
        }
        #expect(try keys(FigureQuery(place: "Vĩnh Phúc")) == [
            "h-2#2 phường Phúc Yên", "h-2#3 tỉnh Vĩnh Phúc", "h-1#1 huyện Tam Đảo",
            "h-0#1 tỉnh Vĩnh Phúc", "h-0#2 xã Lãng Công", "h-0#3 Vĩnh Phúc",
        ])
        #expect(try keys(FigureQuery(place: "Phú")) == ["h-1#2 tỉnh Phú Thọ"])
        #expect(try keys(FigureQuery(subject: "Đảng bộ")) == ["h-2#3 tỉnh Vĩnh Phúc", "h-1#2 tỉnh Phú Thọ", "h-0#1 tỉnh Vĩnh Phúc"])
        #expect(try keys(FigureQuery(person: "Hoàng Văn Toàn")) == ["h-0#1 tỉnh Vĩnh Phúc", "h-0#2 xã Lãng Công", "h-0#3 Vĩnh Phúc"])
        #expect(try keys(FigureQuery(person: "Toàn", limit: 4)) == [
            "h-1#1 huyện Tam Đảo", "h-1#2 tỉnh Phú Thọ", "h-1#3 -", "h-0#1 tỉnh Vĩnh Phúc",
        ])
    }

    /// Every field of every entity, and every figure's subject and place, read back as stored.
    @Test func entitiesAndContextsRoundTrip() throws {
        for analysis in analyses.prefix(8) {
            let stored = try #require(try store.storedArticle(named: analysis.article.name))
            #expect(stored.article == analysis.article)
            #expect(stored.extractorVersion == ArticleAnalyzer.version)
            #expect(stored.entities == analysis.entities.map { var e = $0; e.article = analysis.article.name; return e })
            #expect(stored.figures == analysis.figures.map { var f = $0; f.article = analysis.article.name; return f })
        }
        let first = try #require(try store.storedArticle(named: "tay-0"))
        #expect(first.entities.map(\.kind) == [.place, .place, .organization, .person])
        #expect(first.entities[3].titles == ["Bí thư Tỉnh ủy", "Trưởng đoàn ĐBQH \"tỉnh\""])
        #expect(first.entities[0].mentions == [Entity.Span(start: 7, end: 21), Entity.Span(start: 12, end: 21)])
        #expect(first.figures[1].place == FigureContext(text: "xã Lãng Công", entity: 2, within: ["huyện Sông Lô", "tỉnh Vĩnh Phúc"]))
        // names with every kind of character survive
        let odd = Entity(id: 1, kind: .document, text: "Nghị quyết số 12-NQ/TU \\ \"x\"\n\t\u{1}", name: "Nghị quyết 12", start: 0, end: 3,
                         titles: ["a\"b", "c\\d", ""], mentions: [])
        var figure = Figure(id: 1, text: "3 xã", value: 3, unit: "xã", start: 0, end: 4, sentence: "3 xã đạt.")
        figure.place = FigureContext(text: "Đắk \"Lắk\"", within: ["vùng \\Tây\n Nguyên", "Đông Dương"])
        figure.subject = FigureContext(text: "Đoàn \"đặc biệt\"")
        let s = try FigureStore.inMemory()
        let article = Article(name: "odd", source: "-", format: .text, text: "3 xã đạt.", blocks: [])
        _ = try s.ingest([ArticleAnalysis(article: article, figures: [figure], entities: [odd])], contentHash: ["h"])
        #expect(try s.storedArticle(named: "odd")?.entities == [{ var e = odd; e.article = "odd"; return e }()])
        #expect(try s.storedArticle(named: "odd")?.figures == [{ var f = figure; f.article = "odd"; return f }()])
        #expect(try s.figures(matching: FigureQuery(place: "tay nguyen dak")).count == 1)
        #expect(try s.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(Schema.placeIndex) WHERE \(Schema.placeIndex) MATCH 'lak'") } == 1)
        #expect(try s.figures(matching: FigureQuery(place: "dong duong lak")).count == 1)
        #expect(try s.figures(matching: FigureQuery(subject: "doan dac biet")).count == 1)
        // replaced: the index entries leave with exactly the words they were added with
        _ = try s.ingest([ArticleAnalysis(article: article, figures: [], entities: [])], contentHash: ["h2"])
        func indexed(_ index: String, _ word: String) throws -> Int {
            try s.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(index) WHERE \(index) MATCH ?", arguments: [word]) ?? -1 }
        }
        #expect(try [indexed(Schema.placeIndex, "lak"), indexed(Schema.placeIndex, "nguyen"), indexed(Schema.subjectIndex, "biet"),
                     indexed(Schema.entityIndex, "quyet")] == [0, 0, 0, 0])
        #expect(try s.integrityCheck() == [])
    }

    @Test func foldedEntitySearch() throws {
        func names(_ words: String, kind: Entity.Kind? = nil, limit: Int? = nil) throws -> [String] {
            try store.entities(named: words, kind: kind, limit: limit).map { "\($0.articleName) \($0.entity.id) \($0.entity.name)" }
        }
        // the newest article first (undated last, the latest ingested first among equals)
        let newest = analyses.enumerated().sorted { x, y in
            let a = (x.element.article.date.map { $0.year * 10000 + $0.month * 100 + $0.day } ?? -1, x.offset)
            let b = (y.element.article.date.map { $0.year * 10000 + $0.month * 100 + $0.day } ?? -1, y.offset)
            return a > b
        }.map(\.element.article.name)
        #expect(try names("vinh phuc", limit: 3) == newest.prefix(3).map { "\($0) 1 tỉnh Vĩnh Phúc" })
        #expect(try store.entities(named: "vinh phuc").count == 400)
        #expect(Set(try store.entities(named: "VĨNH phúc").map(\.entity.name)) == ["tỉnh Vĩnh Phúc"])
        #expect(Set(try store.entities(named: "dang bo tinh").map(\.entity.name)) == ["Đảng bộ tỉnh"])
        #expect(try store.entities(named: "dang bo tinh").allSatisfy { $0.entity.kind == .organization && $0.entity.id == 3 })
        #expect(try store.entities(named: "dang bo tinh", kind: .place).isEmpty)
        #expect(try store.entities(named: "Phu").isEmpty)
        #expect(Set(try store.entities(named: "toan", kind: .person).map(\.entity.name)) == ["Hoàng Văn Toàn", "Lê Văn Toàn"])
        #expect(try store.entities(named: "toan", kind: .person).count == 134 + 133)
        #expect(try store.entities(named: "hoang van toan", kind: .person).map(\.articleName).count == 134)
        #expect(try store.entities(named: "").isEmpty)
    }
}

/// A database made by the v1 schema migrates, and its articles are then re-extracted.
@Suite struct MigrationTests {
    @Test func v1DatabaseMigrates() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("figurestore-v1-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let text = "Năm 2018, tỉnh Vĩnh Phúc kết nạp 25 đảng viên."
        do {
            // the v1 schema, filled as v1 did: an article, its passage in both indexes, its figure
            let queue = try DatabaseQueue(path: path, configuration: FigureStore.configuration())
            try Schema.migrator.migrate(queue, upTo: "v1")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO article(id, name, source, format, title, authors, contentHash, extractorVersion, figureCount, blocks, text)
                    VALUES (1, 'old.txt', 'old.txt', 'text', NULL, '[]', 'h1', 1, 1, '[]', ?);
                    INSERT INTO passage(id, articleId, role, sentenceIndex, start, "end", unitTokens) VALUES (1, 1, 'paragraph', 0, 0, 46, 'udang uvien');
                    INSERT INTO figure(articleId, ordinal, text, value, valueReal, unit, unitKey, qualifier, time, timeStart, timeEnd, year,
                                       start, "end", sentenceIndex, sentenceStart, sentenceEnd, precision, passageId)
                    VALUES (1, 1, '25 đảng viên', '25', 25, 'đảng viên', 'đảng viên', 'exact', '2018', '2018-01-01', '2018-12-31', 2018,
                            33, 45, 0, 0, 46, '1', 1);
                    """, arguments: [text])
                try Schema.index(passage: 1, body: text, units: "udang uvien", in: db)
            }
            #expect(try queue.read { db in try [db.tableExists("entity"), db.tableExists("figureContext")] } == [false, false])
        }
        // a query (read-only) does not migrate: it asks for an ingest
        #expect(throws: FigureStoreError.schemaNotCurrent) { try FigureStore(path: path, readOnly: true) }

        let store = try FigureStore(path: path)
        #expect(try store.counts() == (articles: 1, figures: 1))
        #expect(try store.writer.read { db in try [db.tableExists("entity"), db.tableExists("figureContext")] } == [true, true])
        let old = try #require(try store.figures(matching: FigureQuery(unit: "đảng viên")).first)
        #expect(old.figure.value == 25 && old.figure.place == nil && old.figure.subject == nil)
        #expect(try store.figures(matching: FigureQuery(place: "Vĩnh Phúc")).isEmpty)
        // what `solieu reindex` does: the articles of extractor version 1, analysed again
        let stale = try store.articles(olderThan: ArticleAnalyzer.version)
        #expect(stale.map(\.name) == ["old.txt"])
        var figure = old.figure
        figure.place = FigureContext(text: "tỉnh Vĩnh Phúc", entity: 1, start: 10, end: 24)
        let entity = Entity(id: 1, kind: .place, text: "tỉnh Vĩnh Phúc", start: 10, end: 24)
        let summary = try store.ingest([ArticleAnalysis(article: stale[0], figures: [figure], entities: [entity])], contentHash: ["h1"])
        #expect(summary == IngestSummary(inserted: 0, replaced: 1, unchanged: 0, figures: 1))
        #expect(try store.articles(olderThan: ArticleAnalyzer.version).isEmpty)
        #expect(try store.figures(matching: FigureQuery(place: "Vĩnh Phúc")).map(\.figure.text) == ["25 đảng viên"])
        #expect(try store.entities(named: "vinh phuc").map(\.entity) == [{ var e = entity; e.article = "old.txt"; return e }()])
        // the v1 passage left both indexes when its article was replaced
        #expect(try store.searchArticles("đảng viên").map(\.name) == ["old.txt"])
        #expect(try store.integrityCheck() == [])
        #expect(try FigureStore(path: path, readOnly: true).counts() == (articles: 1, figures: 1))
    }
}
