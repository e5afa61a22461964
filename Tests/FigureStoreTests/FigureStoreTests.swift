import FigureStore
import Figures
import Foundation
import SoLieu
import TestSupport
import Testing

/// The store over `corpus/`: exact result sets of queries against the test's own reference
/// filter, text search with folding and ranking, ingest semantics, persistence.
@Suite struct FigureStoreTests {
    let fixture: Fixture

    init() throws { fixture = try Fixture.shared.get() }

    /// The store's answer to `q` equals the reference's, as a set; and it is not empty.
    func expectSameSet(_ q: FigureQuery, nonEmpty: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) throws -> [StoredFigure] {
        let stored = try fixture.store.figures(matching: q)
        let want = Set(Reference.figures(fixture.analyses, q))
        let got = Set(stored.map(Key.init))
        #expect(stored.count == got.count, "duplicates in \(q)", sourceLocation: sourceLocation)
        #expect(got.subtracting(want).isEmpty, "unexpected for \(q): \(got.subtracting(want).sorted { $0.description < $1.description }.prefix(5))",
                sourceLocation: sourceLocation)
        #expect(want.subtracting(got).isEmpty, "missing for \(q): \(want.subtracting(got).sorted { $0.description < $1.description }.prefix(5))",
                sourceLocation: sourceLocation)
        if nonEmpty { #expect(!got.isEmpty, "no result for \(q)", sourceLocation: sourceLocation) }
        return stored
    }

    @Test func storesEveryArticleAndFigure() throws {
        let counts = try fixture.store.counts()
        #expect(counts.articles == fixture.analyses.count)
        #expect(counts.figures == fixture.analyses.map(\.figures.count).reduce(0, +))
        #expect(counts.figures > 300)
        #expect(try fixture.store.integrityCheck() == [])
    }

    @Test func unitAlone() throws {
        let stored = try expectSameSet(FigureQuery(unit: "đảng viên"))
        #expect(Set(stored.filter { $0.articleName == "xay-dung-dang-2023.txt" }.map(\.figure.value)).isSuperset(of: [412, 1538, 385]))
        // case-insensitive
        _ = try expectSameSet(FigureQuery(unit: "usd"))
        #expect(try fixture.store.figures(matching: FigureQuery(unit: "usd")).count == fixture.store.figures(matching: FigureQuery(unit: "USD")).count)
    }

    @Test func minAlone() throws { _ = try expectSameSet(FigureQuery(min: 1_000_000_000)) }

    @Test func maxAlone() throws { _ = try expectSameSet(FigureQuery(max: Decimal(string: "2.5")!)) }

    @Test func minAndMax() throws {
        let stored = try expectSameSet(FigureQuery(min: 100, max: 500))
        #expect(stored.contains { $0.articleName == "xay-dung-dang-2023.txt" && $0.figure.value == 412 })
    }

    @Test func yearAlone() throws {
        let stored = try expectSameSet(FigureQuery(year: 2023))
        // a range across years counts for each of them (`Từ năm 2020 đến hết năm 2023`)
        #expect(stored.contains { $0.articleName == "xay-dung-dang-2023.txt" && $0.figure.value == 1538 })
        _ = try expectSameSet(FigureQuery(year: 2021))
    }

    @Test func timeAlone() throws {
        _ = try expectSameSet(FigureQuery(time: Period("2024-Q1")!))
        _ = try expectSameSet(FigureQuery(time: Period("2020..2021")!))
    }

    @Test func qualifierAlone() throws {
        let stored = try expectSameSet(FigureQuery(qualifier: .over))
        #expect(stored.contains { $0.articleName == "xay-dung-dang-2023.txt" && $0.figure.value == 7900 })
        _ = try expectSameSet(FigureQuery(qualifier: .approx))
    }

    @Test func articleAlone() throws {
        let stored = try expectSameSet(FigureQuery(article: "xay-dung-dang-2023.txt"))
        let analysis = try #require(fixture.analyses.first { $0.article.name == "xay-dung-dang-2023.txt" })
        // in order, every field as analysed, the sentence rebuilt from the text
        #expect(stored.map(\.figure) == analysis.figures.map { var f = $0; f.article = "xay-dung-dang-2023.txt"; return f })
        #expect(try fixture.store.figures(matching: FigureQuery(article: "no-such-article.txt")).isEmpty)
    }

    @Test func combinedFilters() throws {
        _ = try expectSameSet(FigureQuery(text: "tăng", article: "xuat-khau-dong-nai-2-thang-2024.txt"))
        _ = try expectSameSet(FigureQuery(unit: "%", year: 2023, qualifier: .exact))
        _ = try expectSameSet(FigureQuery(min: 1, max: 100, time: Period("2023..2024")!), nonEmpty: true)
        _ = try expectSameSet(FigureQuery(text: "năm", unit: "tỷ đồng", min: 1000), nonEmpty: false)
    }

    @Test func defaultOrderIsNewestArticleThenOrdinal() throws {
        let stored = try fixture.store.figures(matching: FigureQuery(unit: "%"))
        // the fixture ingests the corpus in name order; dated articles come first (newest date
        // first), then the undated ones, the latest ingested (the last name) first; by ordinal within
        let expected = stored.sorted {
            let a = ($0.articleDate.map { $0.year * 10000 + $0.month * 100 + $0.day } ?? -1, $0.articleName)
            let b = ($1.articleDate.map { $0.year * 10000 + $0.month * 100 + $0.day } ?? -1, $1.articleName)
            return a != b ? a > b : $0.figure.id < $1.figure.id
        }
        #expect(stored.map { "\($0.articleName) \($0.figure.id)" } == expected.map { "\($0.articleName) \($0.figure.id)" })
        #expect(Set(stored.map(\.articleName)).count > 5)
    }

    @Test func foldedTextFindsDiacritics() throws {
        let folded = try expectSameSet(FigureQuery(text: "dang vien"))
        let exact = try expectSameSet(FigureQuery(text: "đảng viên"))
        #expect(Set(folded.map(Key.init)).isSuperset(of: Set(exact.map(Key.init))))
        #expect(exact.contains { $0.articleName == "xay-dung-dang-2023.txt" && $0.figure.value == 412 })
        // upper case and đ: `Dong Nai` finds `Đồng Nai`
        let dongNai = try expectSameSet(FigureQuery(text: "DONG NAI"))
        #expect(dongNai.contains { $0.articleName == "xuat-khau-dong-nai-2-thang-2024.txt" })
    }

    @Test func textAndUnit() throws {
        let stored = try expectSameSet(FigureQuery(text: "Dong Nai", unit: "USD"))
        #expect(stored.allSatisfy { $0.figure.unit == "USD" })
        #expect(stored.contains { $0.articleName == "xuat-khau-dong-nai-2-thang-2024.txt" && $0.figure.text.contains("3.12 tỷ USD") })
    }

    @Test func diacriticExactMatchesRankFirst() throws {
        for query in ["đảng", "đang", "Đồng", "dong"] {
            let stored = try expectSameSet(FigureQuery(text: query))
            let flags = stored.map { $0.rank?.diacriticsAsTyped ?? false }
            // exact ones are exactly the figures whose sentence has the word as typed, and come first
            #expect(flags == stored.map { Reference.holds($0.figure.sentence, query, folded: false) }, "\(query)")
            #expect(flags == flags.sorted { $0 && !$1 }, "\(query): exact matches first")
            // then by bm25 within each group
            for group in [true, false] {
                let scores = stored.filter { $0.rank?.diacriticsAsTyped == group }.compactMap { $0.rank?.bm25 }
                #expect(scores == scores.sorted(), "\(query): bm25 order")
            }
        }
        let dang = try fixture.store.figures(matching: FigureQuery(text: "đảng"))
        #expect(dang.contains { $0.rank?.diacriticsAsTyped == true } && dang.contains { $0.rank?.diacriticsAsTyped == false })
    }

    @Test func limitKeepsTheFirst() throws {
        let all = try fixture.store.figures(matching: FigureQuery(text: "dang"))
        let first = try fixture.store.figures(matching: FigureQuery(text: "dang", limit: 3))
        #expect(all.count > 3)
        #expect(first == Array(all.prefix(3)))
        let byUnit = try fixture.store.figures(matching: FigureQuery(unit: "%", limit: 5))
        #expect(byUnit == Array(try fixture.store.figures(matching: FigureQuery(unit: "%")).prefix(5)))
    }

    /// Past the search window (more candidate passages than a limited search ranks), results
    /// still meet every condition, come from the newest articles, and rank diacritics first.
    @Test func windowedSearch() throws {
        let store = try FigureStore.inMemory()
        let party = try #require(fixture.analyses.first { $0.article.name == "xay-dung-dang-2023.txt" })
        let copies = (0..<200).map { k -> ArticleAnalysis in
            var c = party
            c.article.name = "party#\(k)"
            return c
        }
        _ = try store.ingest(copies, contentHash: copies.map { fnv1a64($0.article.text) })
        let q = FigureQuery(text: "dang vien", unit: "đảng viên", limit: 7)
        let stored = try store.figures(matching: q)
        #expect(stored.count == 7)
        let all = Set(Reference.figures(copies, FigureQuery(text: "dang vien", unit: "đảng viên")))
        #expect(all.count > 320)
        #expect(Set(stored.map(Key.init)).isSubset(of: all))
        // the window holds the newest copies
        #expect(stored.allSatisfy { Int($0.articleName.dropFirst("party#".count))! >= 100 })
        let flags = try store.figures(matching: FigureQuery(text: "đảng viên", limit: 30)).map { $0.rank?.diacriticsAsTyped ?? false }
        #expect(flags.count == 30 && flags == flags.sorted { $0 && !$1 })
        let hits = try store.searchArticles("Lập Thạch", limit: 5)
        #expect(hits.count == 5 && hits.allSatisfy { $0.rank.diacriticsAsTyped })
    }

    @Test func searchArticles() throws {
        let hits = try fixture.store.searchArticles("Dong Nai", limit: 10)
        #expect(hits.contains { $0.name == "xuat-khau-dong-nai-2-thang-2024.txt" })
        let want = Set(fixture.analyses.filter { Reference.holds($0.article.text, "Dong Nai", folded: true) }.map(\.article.name))
        // an article matches when one passage holds both words: a subset of the whole-text reference
        #expect(Set(hits.map(\.name)).isSubset(of: want))
        let party = try fixture.store.searchArticles("đảng viên")
        #expect(party.first?.name == "xay-dung-dang-2023.txt")
        #expect(party.first?.rank.diacriticsAsTyped == true)
        #expect(party.first.map { Reference.holds($0.passage, "đảng viên", folded: false) } == true)
        let flags = party.map(\.rank.diacriticsAsTyped)
        #expect(flags == flags.sorted { $0 && !$1 })
    }

    @Test func punctuationIsNeverSyntax() throws {
        for text in ["\"", "(", "*", "-", ":", "đảng \"viên", "(dang OR vien", "dang* -vien: NEAR(", "\"\"\"", "AND", "^x"] {
            _ = try fixture.store.figures(matching: FigureQuery(text: text))
            _ = try fixture.store.searchArticles(text, limit: 5)
        }
        #expect(try fixture.store.figures(matching: FigureQuery(text: "()*:")).isEmpty)
    }

    @Test func reingestAddsNothing() throws {
        let store = try FigureStore.inMemory()
        let first = try store.ingest(fixture.analyses, contentHash: fixture.hashes)
        #expect(first.inserted == fixture.analyses.count && first.replaced == 0 && first.unchanged == 0)
        let before = try store.counts()
        let again = try store.ingest(fixture.analyses, contentHash: fixture.hashes)
        #expect(again == IngestSummary(inserted: 0, replaced: 0, unchanged: fixture.analyses.count, figures: 0))
        #expect(try store.counts() == before)
        #expect(try store.storedHashes(names: fixture.analyses.map(\.article.name) + ["nope"]).count == fixture.analyses.count)
        #expect(try store.storedHashes(names: [fixture.analyses[0].article.name]) == [fixture.analyses[0].article.name: fixture.hashes[0]])
    }

    @Test func changedTextReplaces() throws {
        let store = try FigureStore.inMemory()
        let party = try #require(fixture.analyses.first { $0.article.name == "xay-dung-dang-2023.txt" })
        _ = try store.ingest([party], contentHash: [fnv1a64(party.article.text)])
        var article = party.article
        article.text = "Năm 2024, Đồng Nai kết nạp 99 đảng viên mới."
        let changed = try onLargeStack { try ArticleAnalyzer.builtin().makeWorker().analyze(article) }
        let summary = try store.ingest([changed], contentHash: [fnv1a64(article.text)])
        #expect(summary.replaced == 1 && summary.inserted == 0 && summary.figures == changed.figures.count)
        #expect(try store.counts() == (articles: 1, figures: changed.figures.count))
        let found = try store.figures(matching: FigureQuery(text: "dang vien"))
        #expect(found.map(\.figure.value) == [99])
        #expect(found.first?.figure.sentence == "Năm 2024, Đồng Nai kết nạp 99 đảng viên mới.")
        // the old words left the index
        #expect(try store.searchArticles("Lập Thạch").isEmpty)
        #expect(try store.integrityCheck() == [])
    }

    @Test func olderExtractorVersionIsListedAndReplaced() throws {
        let store = try FigureStore.inMemory()
        var old = fixture.analyses[0]
        old.extractorVersion = ArticleAnalyzer.version - 1
        _ = try store.ingest([old, fixture.analyses[1]], contentHash: [fixture.hashes[0], fixture.hashes[1]])
        #expect(try store.articles(olderThan: ArticleAnalyzer.version).map(\.name) == [old.article.name])
        #expect(try store.articles(olderThan: ArticleAnalyzer.version).first == old.article)
        let summary = try store.ingest([fixture.analyses[0]], contentHash: [fixture.hashes[0]])
        #expect(summary.replaced == 1)
        #expect(try store.articles(olderThan: ArticleAnalyzer.version).isEmpty)
    }

    @Test func fileStoreReopens() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("figurestore-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let sample = Array(fixture.analyses.prefix(10)), hashes = Array(fixture.hashes.prefix(10))
        do {
            let store = try FigureStore(path: path)
            _ = try store.ingest(sample, contentHash: hashes)
        }
        let reopened = try FigureStore(path: path)
        #expect(try reopened.counts() == (articles: 10, figures: sample.map(\.figures.count).reduce(0, +)))
        #expect(try reopened.ingest(sample, contentHash: hashes).unchanged == 10)
        let (article, figures) = try #require(try reopened.article(named: sample[3].article.name))
        #expect(article == sample[3].article)
        #expect(figures == sample[3].figures.map { var f = $0; f.article = article.name; return f })
        let word = try #require(Reference.words(sample[3].article.text).first { $0.count > 3 })
        #expect(try !reopened.searchArticles(word).isEmpty)
        #expect(try reopened.integrityCheck() == [])
    }

    @Test func exactDecimalsRoundTrip() throws {
        let store = try FigureStore.inMemory()
        let text = "Doanh thu đạt 1234567890123456789.25 đồng."
        let big = Decimal(string: "1234567890123456789.25")!
        let figure = Figure(id: 1, text: "1234567890123456789.25 đồng", value: big, valueMax: big + Decimal(string: "0.5")!, unit: "đồng",
                            start: 14, end: 41, sentence: text, precision: Decimal(string: "0.01")!)
        let analysis = ArticleAnalysis(article: Article(name: "big", source: "-", format: .text, text: text, blocks: []), figures: [figure])
        _ = try store.ingest([analysis], contentHash: ["h"])
        let stored = try #require(try store.article(named: "big")?.1.first)
        #expect(stored.value == big)
        #expect(stored.valueMax == Decimal(string: "1234567890123456789.75")!)
        #expect(stored.precision == Decimal(string: "0.01")!)
        #expect(stored.sentence == text)
        #expect(try store.figures(matching: FigureQuery(min: Decimal(string: "1234567890123456789")!)).count == 1)
    }

    /// The analyzer's own entities and figure contexts over the corpus, stored and filtered
    /// as the reference filters them (whatever the entity rules find today).
    @Test func entitiesAndContextsOfTheCorpus() throws {
        for analysis in fixture.analyses {
            let stored = try #require(try fixture.store.storedArticle(named: analysis.article.name))
            #expect(stored.entities == analysis.entities.map { var e = $0; e.article = analysis.article.name; return e })
            #expect(stored.figures == analysis.figures.map { var f = $0; f.article = analysis.article.name; return f })
        }
        for place in ["Vĩnh Phúc", "vinh phuc", "Tam Đảo", "Đồng Nai", "xã", "tỉnh"] {
            _ = try expectSameSet(FigureQuery(place: place), nonEmpty: false)
            _ = try expectSameSet(FigureQuery(unit: "%", place: place), nonEmpty: false)
        }
        for subject in ["Đảng bộ tỉnh", "dang bo", "Huyện ủy Tam Đảo"] {
            _ = try expectSameSet(FigureQuery(subject: subject), nonEmpty: false)
        }
        for person in ["Hoàng Văn Toàn", "Toàn"] {
            _ = try expectSameSet(FigureQuery(person: person), nonEmpty: false)
        }
        _ = try expectSameSet(FigureQuery(year: 2023, place: "Vĩnh Phúc"), nonEmpty: false)
    }

    @Test func mismatchedHashesThrow() throws {
        let store = try FigureStore.inMemory()
        #expect(throws: FigureStoreError.hashCountMismatch(articles: 1, hashes: 0)) {
            try store.ingest([fixture.analyses[0]], contentHash: [])
        }
    }
}
