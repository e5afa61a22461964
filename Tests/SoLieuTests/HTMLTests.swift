import Foundation
import ICUCore
import Testing
import TestSupport
@testable import SoLieu

// MARK: the shared pages (../shared/data/html)

/// One row of `data/html/MANIFEST.tsv`.
struct HTMLManifestRow: Sendable, CustomTestStringConvertible {
    var file: String
    var title: String
    var published: String
    var authorNames: [String]
    var statExamples: [String]

    var testDescription: String { file }

    /// Rows by file name; empty when the shared data is absent.
    static let all: [String: HTMLManifestRow] = {
        guard let url = sharedPath("data/html/MANIFEST.tsv"), let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [:] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [:] }
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        let (file, title, published, authors, stats) = (column("file"), column("title"), column("published"), column("author_meta"), column("stat_examples"))
        var rows: [String: HTMLManifestRow] = [:]
        for fields in lines.dropFirst() where fields.count == header.count {
            let names = fields[authors].components(separatedBy: " | ").map {
                HTMLText.decodeEntities($0.hasPrefix("ld:") ? String($0.dropFirst(3)) : $0).trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
            let examples = fields[stats].components(separatedBy: " ; ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ;")) }
                .filter { !$0.isEmpty }
            rows[fields[file]] = HTMLManifestRow(file: fields[file], title: fields[title], published: fields[published],
                                                 authorNames: names, statExamples: examples)
        }
        return rows
    }()
}

/// The as-served pages, with menu labels each site prints in its navigation.
let asServedPages: [(file: String, menu: [String])] = [
    ("baochinhphu_1.html", ["Khởi nghiệp", "Hội nhập"]),
    ("baodautu_1.html", ["Toàn cảnh đầu tư", "Thị trường địa ốc", "Phát triển bền vững"]),
    ("cafef_1.html", ["SMART MONEY", "TÀI CHÍNH QUỐC TẾ", "LIFESTYLE"]),
    ("cafef_2.html", ["SMART MONEY", "TÀI CHÍNH QUỐC TẾ", "Đọc nhanh"]),
    ("dantri_1.html", ["Thế giới đó đây", "Kiều bào", "Hồ sơ vụ án"]),
    ("nld_1.html", ["Net Zero", "AI 365", "Bạn đọc"]),
    ("tuoitre_1.html", ["Xem nhiều", "Thú vị", "Bạn có biết"]),
    ("vietnamnet_1.html", ["Kỷ nguyên mới của dân tộc", "Xây dựng đảng", "Nghị quyết 57"]),
    ("vnexpress_1.html", ["Podcasts", "Góc nhìn", "Lãnh tụ Iran bị hạ sát"]),
    ("vnexpress_2.html", ["Podcasts", "Góc nhìn", "Mới nhất"]),
    ("vnexpress_4.html", ["Podcasts", "Sắm Tết", "Tết sẻ chia"]),
]

/// Script and markup text that must never reach an article's text.
let scriptMarkers = ["function(", "var ", "{", "window.", "document.", "googletag"]

func readSharedPage(_ folder: String, _ file: String) throws -> Article? {
    guard let url = sharedPath("data/html/\(folder)/\(file)") else { return nil }
    return try HTMLArticleReader.read(bytes: Array(try Data(contentsOf: url)), name: file, source: url.path)
}

@Suite(.enabled(if: hasShared("data/html"))) struct HTMLSharedPageTests {
    @Test(arguments: asServedPages.map(\.file))
    func asServedPage(_ file: String) throws {
        let row = try #require(HTMLManifestRow.all[file])
        let article = try #require(try readSharedPage("as-served", file))
        #expect(article.format == .html)
        #expect(article.title == row.title)
        if !row.published.isEmpty {
            #expect(article.date?.description == String(row.published.prefix(10)))
            #expect(article.published?.prefix(10) == row.published.prefix(10))
        }
        if !row.authorNames.isEmpty {
            #expect(row.authorNames.contains { article.authors.contains($0) }, "authors \(article.authors)")
        }
        for example in row.statExamples {
            #expect(article.text.contains(example), "missing \(example)")
        }
        for marker in scriptMarkers {
            #expect(!article.text.contains(marker), "script text \(marker)")
        }
        let menu = asServedPages.first { $0.file == file }?.menu ?? []
        for label in menu {
            #expect(!article.text.contains(label), "menu label \(label)")
        }
        #expect(article.blocks.first?.role == .title)
        #expect(article.blocks(.paragraph).count >= 3)
    }

    static let reformattedFiles: [String] = {
        guard let url = sharedPath("data/html/reformatted") else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { $0.hasSuffix(".html") }.sorted()
    }()

    @Test(arguments: reformattedFiles)
    func reformattedPage(_ file: String) throws {
        let row = try #require(HTMLManifestRow.all[file])
        let article = try #require(try readSharedPage("reformatted", file))
        #expect(article.title == row.title)
        for example in row.statExamples {
            #expect(article.text.contains(example), "missing \(example)")
        }
        for marker in scriptMarkers {
            #expect(!article.text.contains(marker), "script text \(marker)")
        }
    }

    /// An as-served page saved in windows-1258 (decomposed first, so the tone marks become the
    /// combining marks cp1258 encodes; characters it lacks as references; the meta charset
    /// rewritten) reads to the same article.
    @Test func windows1258CopyReadsTheSame() throws {
        guard let url = sharedPath("data/html/as-served/vnexpress_2.html") else { return }
        let page = try String(contentsOf: url, encoding: .utf8)
        let original = try HTMLArticleReader.read(html: page, name: "p", source: "p")
        let redeclared = page.replacingOccurrences(of: #"charset=("?)utf-8"#, with: "charset=$1windows-1258",
                                                   options: [.regularExpression, .caseInsensitive])
        let bytes = try encodeWithReferences(try windows1258Form(redeclared), charset: "windows-1258")
        #expect(Charset.declaredCharset(bytes) == "windows-1258")
        let copy = try HTMLArticleReader.read(bytes: bytes, name: "p", source: "p")
        #expect(copy.title == original.title)
        #expect(copy.text == original.text)
        #expect(copy.blocks == original.blocks)
        #expect(copy.authors == original.authors)
        #expect(copy.date == original.date)
    }
}

/// `text` as windows-1258 writes Vietnamese: decomposed (NFD), then with the circumflex, breve
/// and horn put back on their letters (cp1258 has â, ê, ô, ă, ơ, ư but only the five tone marks
/// as combining characters).
func windows1258Form(_ text: String) throws -> String {
    let nfd = try Normalizer(.nfd).normalize(text)
    let shapeMarks: Set<UInt32> = [0x0302, 0x0306, 0x031B]
    var out = String.UnicodeScalarView()
    var base: Unicode.Scalar?
    var shapes = String.UnicodeScalarView(), tones = String.UnicodeScalarView()
    func emit() throws {
        guard let b = base else { return }
        let composed = try Normalizer(.nfc).normalize(String(Character(b)) + String(shapes))
        if composed.unicodeScalars.count == 1 {
            out.append(contentsOf: composed.unicodeScalars)
        } else {
            out.append(b); out.append(contentsOf: shapes)
        }
        out.append(contentsOf: tones)
        base = nil; shapes = .init(); tones = .init()
    }
    for scalar in nfd.unicodeScalars {
        if scalar.properties.canonicalCombiningClass != .notReordered, base != nil {
            if shapeMarks.contains(scalar.value) { shapes.append(scalar) } else { tones.append(scalar) }
        } else {
            try emit()
            base = scalar
        }
    }
    try emit()
    return String(out)
}

/// `text` in `charset`, with each character the charset lacks written as `&#N;`.
func encodeWithReferences(_ text: String, charset: String) throws -> [UInt8] {
    var units = Array(text.utf16)
    for _ in 0..<10_000 {
        do {
            return try Converter.encode(units, charset: charset)
        } catch {
            let end = try #require(error.offset)
            let start = end >= 2 && UTF16.isTrailSurrogate(units[end - 1]) ? end - 2 : end - 1
            let scalar = String(decoding: units[start..<end], as: UTF16.self).unicodeScalars.first!
            units.replaceSubrange(start..<end, with: Array("&#\(scalar.value);".utf16))
        }
    }
    throw ArticleReadError(file: "test", message: "too many characters outside \(charset)")
}

// MARK: small pages

@Suite struct HTMLReaderTests {
    func read(_ html: String) throws(ArticleReadError) -> Article {
        try HTMLArticleReader.read(bytes: Array(html.utf8), name: "t.html", source: "t.html")
    }

    static let paragraphs = """
        <p>Năm 2023, doanh thu của công ty đạt 2.338 tỷ đồng, tăng 12% so với cùng kỳ năm trước.</p>
        <p>Lợi nhuận sau thuế đạt 150 tỷ đồng, vượt 8% kế hoạch được đại hội cổ đông giao.</p>
        <p>Công ty dự kiến chia cổ tức 15% bằng tiền mặt trong quý IV tới cho các cổ đông.</p>
        """

    @Test func windows1258DeclaredInMeta() throws {
        let html = """
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">
            <title>Tiếng Việt</title></head><body><article>\(Self.paragraphs)</article></body></html>
            """
        let bytes = try Converter.encode(try windows1258Form(html), charset: "windows-1258")
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        let article = try HTMLArticleReader.read(bytes: bytes, name: "t", source: "t")
        #expect(article.title == "Tiếng Việt")
        #expect(article.text.contains("Lợi nhuận sau thuế đạt 150 tỷ đồng"))
        #expect(article.text == (try Normalizer(.nfc).normalize(article.text)))
    }

    @Test func undeclaredLegacyBytesFallBackToWindows1258() throws {
        let html = "<html><body><div>\(Self.paragraphs)</div></body></html>"
        let bytes = try Converter.encode(try windows1258Form(html), charset: "windows-1258")
        #expect(try Charset.decode(bytes).charset == "windows-1258")
        #expect(try Charset.decode(Array(html.utf8)).charset == "utf-8")
        let article = try HTMLArticleReader.read(bytes: bytes, name: "t", source: "t")
        #expect(article.text.contains("Công ty dự kiến chia cổ tức 15%"))
    }

    @Test func byteOrderMarks() throws {
        #expect(Charset.byteOrderMark([0xEF, 0xBB, 0xBF, 0x3C])! == ("utf-8", 3))
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("<p>Xin chào</p>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try Charset.decode(utf16).text == "<p>Xin chào</p>")
    }

    @Test func undecodableBytesNameTheOffset() throws {
        var bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><p>abc".utf8)
        let offset = bytes.count
        bytes += [0xFF, 0xFE, 0x41]
        do {
            _ = try HTMLArticleReader.read(bytes: bytes, name: "bad.html", source: "bad.html")
            Issue.record("read undecodable bytes")
        } catch {
            #expect(error.description.hasPrefix("bad.html: error: "))
            #expect(error.message.contains("byte offset \(offset)"))
        }
    }

    @Test func entitiesAreDecoded() throws {
        let article = try read("""
            <html><head><meta property="og:title" content="Gi&aacute; v&#224;ng &amp; USD &quot;n&oacute;ng&quot;"></head>
            <body><article><p>Gi&aacute; v&agrave;ng t&#x103;ng 5&nbsp;%, l&ecirc;n 66,1&nbsp;triệu đồng &lt;lượng&gt;.</p>
            <p>Tỷ giá USD &amp; EUR đều tăng nhẹ trong phiên sáng nay tại các ngân hàng.</p></article></body></html>
            """)
        #expect(article.title == "Giá vàng & USD \"nóng\"")
        #expect(article.text.contains("Giá vàng tăng 5 %, lên 66,1 triệu đồng <lượng>."))
        #expect(article.text.contains("USD & EUR"))
    }

    @Test func largestTextBlockWithoutArticleElement() throws {
        let article = try read("""
            <html><body>
            <div class="top"><p>Đăng nhập</p><p>Liên hệ quảng cáo với chúng tôi</p></div>
            <div class="col-left"><div id="noidung">\(Self.paragraphs)<p>Đại hội cũng thông qua kế hoạch năm 2024 với doanh thu 2.500 tỷ đồng.</p></div></div>
            <div class="col-right"><p>Một đoạn văn khác ở cột phải, dài vừa phải nhưng không phải bài báo.</p></div>
            </body></html>
            """)
        #expect(article.blocks(.paragraph).count == 4)
        #expect(article.text.contains("2.500 tỷ đồng"))
        #expect(!article.text.contains("cột phải"))
        #expect(!article.text.contains("Đăng nhập"))
    }

    @Test func chromeIsRemoved() throws {
        let article = try read("""
            <html><body>
            <nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/kd">Kinh doanh</a></li></ul></nav>
            <div class="main-menu"><a href="/ts">Thời sự</a> <a href="/tg">Thế giới</a></div>
            <article>
            <div class="social-share"><a href="#">Chia sẻ</a></div>
            \(Self.paragraphs)
            <script>var x = { a: 1 }; window.dataLayer = [];</script>
            <p><a href="/a">Xem thêm: giá vàng hôm nay tăng mạnh</a></p>
            <div class="box-tin-lien-quan"><ul><li><a href="/b">Tin liên quan số một về chứng khoán</a></li>
            <li>Tin liên quan số hai về ngân hàng, không có liên kết</li></ul></div>
            <div class="related-news"><p>Bài đọc thêm nằm trong khối liên quan của trang.</p></div>
            <form class="comment-form"><textarea>Ý kiến của bạn</textarea><button>Gửi bình luận</button></form>
            <div id="comments"><p>Bạn đọc Nguyễn Văn A bình luận rằng bài viết rất hay.</p></div>
            </article>
            <footer><p>Bản quyền thuộc về tòa soạn, 2024.</p></footer>
            </body></html>
            """)
        #expect(article.blocks(.paragraph).count == 3)
        for chrome in ["Trang chủ", "Thời sự", "Chia sẻ", "Xem thêm", "Tin liên quan", "Bài đọc thêm", "Ý kiến", "Nguyễn Văn A", "Bản quyền", "window", "{"] {
            #expect(!article.text.contains(chrome), "\(chrome)")
        }
    }

    @Test func captionsLeadDateLineAndByline() throws {
        let article = try read("""
            <html><head><meta property="og:title" content="Doanh thu tăng mạnh"></head><body>
            <div class="detail">
            <span class="date">Thứ sáu, 01/02/2019 - 08:00</span>
            <h2 class="sapo">Doanh nghiệp báo lãi kỷ lục nhờ xuất khẩu tăng trưởng mạnh trong năm.</h2>
            <div class="content">
            <p>Năm 2023, doanh thu của công ty đạt 2.338 tỷ đồng, tăng 12% so với cùng kỳ năm trước.</p>
            <figure><img src="a.jpg"><div class="credit">Hình minh họa</div><figcaption>Nhà máy của công ty tại Bình Dương.</figcaption></figure>
            <p>Lợi nhuận sau thuế đạt 150 tỷ đồng, vượt 8% kế hoạch được đại hội cổ đông giao.</p>
            <table class="picture"><tr><td><img src="b.jpg"></td></tr><tr><td>Biểu đồ doanh thu 2019-2023.</td></tr></table>
            <div type="Photo"><img src="c.jpg"><div class="PhotoCMS_Caption"><p>Kho hàng mới mở rộng.</p></div></div>
            <p>Công ty dự kiến chia cổ tức 15% bằng tiền mặt trong quý IV tới cho các cổ đông.</p>
            <p style="text-align: right;"><strong>Ngô Tuấn Anh</strong></p>
            </div></div></body></html>
            """)
        let roles = article.blocks.map(\.role)
        #expect(roles == [.title, .dateLine, .lead, .paragraph, .caption, .paragraph, .caption, .caption, .paragraph, .byline])
        #expect(article.blocks(.caption).map { article.text(of: $0) }
            == ["Nhà máy của công ty tại Bình Dương.", "Biểu đồ doanh thu 2019-2023.", "Kho hàng mới mở rộng."])
        #expect(article.blocks(.lead).map { article.text(of: $0) } == ["Doanh nghiệp báo lãi kỷ lục nhờ xuất khẩu tăng trưởng mạnh trong năm."])
        #expect(article.blocks(.dateLine).map { article.text(of: $0) } == ["Thứ sáu, 01/02/2019 - 08:00"])
        #expect(article.date?.description == "2019-02-01")
        #expect(article.authors == ["Ngô Tuấn Anh"])
        #expect(!article.text.contains("Hình minh họa"))
        // Blocks joined by blank lines, offsets in Unicode scalars.
        #expect(article.text == article.blocks.map { article.text(of: $0) }.joined(separator: "\n\n"))
        #expect(article.text.hasPrefix("Doanh thu tăng mạnh\n\nThứ sáu"))
    }

    @Test func lineBreaksAndWhitespace() throws {
        let article = try read("""
            <html><body><div id="main">
            <p>  Dòng   thứ nhất\n của đoạn,<br>dòng thứ hai của đoạn văn khá dài để thành một đoạn.  </p>
            \(Self.paragraphs)</div></body></html>
            """)
        #expect(article.text.contains("Dòng thứ nhất của đoạn,\ndòng thứ hai của đoạn văn"))
    }

    @Test func metadataFromJSONLDAndTitleElement() throws {
        let article = try read("""
            <html><head><title>Giá vàng hôm nay - Báo Mẫu</title><meta property="og:site_name" content="Báo Mẫu">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
            {"@type":"NewsArticle","datePublished":"2024-05-06T23:30:00+07:00","articleSection":"Tài chính",
             "author":[{"@type":"Person","name":"Nguy&#7877;n An"},{"@type":"Person","name":"Lê Bình"}]}]}</script>
            </head><body><article>\(Self.paragraphs)</article></body></html>
            """)
        #expect(article.title == "Giá vàng hôm nay")
        #expect(article.published == "2024-05-06T23:30:00+07:00")
        #expect(article.date?.description == "2024-05-06")
        #expect(article.authors == ["Nguyễn An", "Lê Bình"])
        #expect(article.section == "Tài chính")
        // A suffix that does not name the site stays.
        let other = try read("<html><head><title>Hà Nội - Hải Phòng</title></head><body><article>\(Self.paragraphs)</article></body></html>")
        #expect(other.title == "Hà Nội - Hải Phòng")
    }

    @Test func metadataFromMarkup() throws {
        let article = try read("""
            <html><head><meta name="pubdate" content="2020-01-02T03:04:05+07:00"></head><body><article>
            <h1>Tiêu đề bài viết trong thẻ h1</h1>
            <a rel="author" href="/tac-gia/x">Trần Cường</a>
            \(Self.paragraphs)</article></body></html>
            """)
        #expect(article.title == "Tiêu đề bài viết trong thẻ h1")
        #expect(article.date?.description == "2020-01-02")
        #expect(article.authors.contains("Trần Cường"))
        #expect(article.blocks(.title).count == 1)
    }

    @Test func pageWithoutBodyIsAnError() throws {
        for html in ["<html><head><title>Trống</title></head><body><nav><a href='/'>Trang chủ</a></nav></body></html>", "", "<html>"] {
            do {
                _ = try read(html)
                Issue.record("read a page without a body")
            } catch {
                #expect(error.message == "no article body found")
                #expect(error.description == "t.html: error: no article body found")
            }
        }
    }

    @Test func deepNestingDoesNotCrash() throws {
        let depth = 10_000
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + Self.paragraphs
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let article = try read(html)
        #expect(article.blocks(.paragraph).count == 3)
    }
}
