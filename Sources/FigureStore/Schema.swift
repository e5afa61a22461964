import GRDB

/// The store's schema, as migrations.
enum Schema {
    /// The full-text index over passages with folded words (`dang` matches `đảng`).
    static let foldedIndex = "passageFolded"
    /// The full-text index over passages with words as written (lowercase): what ranks matches
    /// with the diacritics as typed first. It only answers "does the passage hold these words", so
    /// it keeps no positions (`detail=none`).
    static let exactIndex = "passageExact"
    /// The full-text index over entity names, folded (v2): rowid = `entity.id`.
    static let entityIndex = "entityFolded"
    /// The full-text indexes over figures' places (with the places they lie in) and subjects,
    /// folded (v2): rowid = `figure.id`.
    static let placeIndex = "figurePlaceFolded"
    static let subjectIndex = "figureSubjectFolded"

    /// The indexes that filter figures (unit, qualifier, day, value, year, time), each with
    /// the default order (newest article first: by date, then the latest ingested, then the
    /// figure's ordinal, declared in that direction so that a `LIMIT` walk needs no sort).
    /// An ingest into an empty store builds them once at its end (`deferringFilterIndexes`):
    /// built in one pass, they take half the pages of indexes grown row by row. Not
    /// `figure_on_article` nor `figure_on_passage`: replacing an article deletes through them.
    static let figureFilterIndexes: [(name: String, sql: String)] = {
        let order = "articleDay DESC, articleId DESC, ordinal"
        return [
            ("figure_on_unit", "unitKey, \(order)"), ("figure_on_qualifier", "qualifier, \(order)"), ("figure_on_day", order),
            ("figure_on_value", "valueReal, valueMaxReal"), ("figure_on_year", "year, timeStart"), ("figure_on_time", "timeStart, timeEnd"),
        ].map { ($0.0, "CREATE INDEX IF NOT EXISTS \($0.0) ON figure(\($0.1))") }
    }()

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "article") { t in
                t.primaryKey("id", .integer)
                t.column("name", .text).notNull().unique()
                t.column("source", .text).notNull()
                t.column("format", .text).notNull()
                t.column("title", .text)
                t.column("section", .text)
                t.column("date", .text)
                t.column("year", .integer)
                t.column("published", .text)
                t.column("authors", .text).notNull()
                t.column("contentHash", .text).notNull()
                t.column("extractorVersion", .integer).notNull()
                t.column("figureCount", .integer).notNull()
                // the big columns last: the others stay on the row's first page
                t.column("blocks", .text).notNull()
                t.column("text", .text).notNull()
            }
            try db.create(index: "article_on_extractorVersion", on: "article", columns: ["extractorVersion"])
            try db.create(index: "article_on_date", on: "article", columns: ["date"])

            try db.create(table: "passage") { t in
                t.primaryKey("id", .integer)
                t.belongsTo("article", onDelete: .cascade).notNull()
                t.column("role", .text).notNull()
                t.column("sentenceIndex", .integer)
                t.column("start", .integer)
                t.column("end", .integer)
                // what the folded index's `units` column holds (see `TextSearch.unitTokens`)
                t.column("unitTokens", .text)
            }

            try db.create(table: "figure") { t in
                t.primaryKey("id", .integer)
                t.column("articleId", .integer).notNull().references("article", onDelete: .cascade)
                t.column("ordinal", .integer).notNull()
                t.column("text", .text).notNull()
                t.column("value", .text).notNull()
                t.column("valueReal", .double).notNull()
                t.column("valueMax", .text)
                t.column("valueMaxReal", .double)
                t.column("unit", .text).notNull()
                t.column("unitKey", .text).notNull()
                t.column("qualifier", .text).notNull()
                t.column("rate", .text)
                t.column("time", .text)
                t.column("timeStart", .text)
                t.column("timeEnd", .text)
                t.column("year", .integer)
                t.column("start", .integer).notNull()
                t.column("end", .integer).notNull()
                t.column("sentenceIndex", .integer).notNull()
                t.column("sentenceStart", .integer).notNull()
                t.column("sentenceEnd", .integer).notNull()
                t.column("precision", .text).notNull()
                t.column("numberStyle", .text)
                t.column("passageId", .integer).references("passage", onDelete: .setNull)
                t.column("articleDay", .integer)
            }
            // every filter column, with the default order (newest article first) after it where
            // a filter is an equality, so that `LIMIT` stops early
            try db.create(index: "figure_on_article", on: "figure", columns: ["articleId", "ordinal"])
            // the default order: newest article first (by date, then the latest ingested), then
            // the figure's ordinal; declared in that direction so that a walk needs no sort
            for index in figureFilterIndexes { try db.execute(sql: index.sql) }
            try db.create(index: "figure_on_passage", on: "figure", columns: ["passageId"])

            // contentless: the words are indexed, the text stays in `article` only. The folded
            // index also holds, per figure sentence, the units of its figures (`units`, as tokens
            // of their own): a text search with a unit intersects both in the index instead of
            // probing figures.
            try db.execute(sql: """
                CREATE VIRTUAL TABLE \(foldedIndex) USING fts5(body, units, content='', tokenize='\(Folding.tokenizer)');
                CREATE VIRTUAL TABLE \(exactIndex) USING fts5(body, content='', detail=none, tokenize='unicode61 remove_diacritics 0');
                """)
            // A contentless index forgets a passage only when told its exact words: before an
            // article goes (and its passages and figures with it, by cascade), its passages leave
            // both indexes.
            try db.execute(sql: """
                CREATE TRIGGER article_leaves_indexes BEFORE DELETE ON article BEGIN
                  INSERT INTO \(foldedIndex)(\(foldedIndex), rowid, body, units)
                    SELECT 'delete', passage.id, \(Folding.sql(passageBody(article: "old", passage: "passage"))), \(passageUnits(passage: "passage"))
                    FROM passage WHERE passage.articleId = old.id;
                  INSERT INTO \(exactIndex)(\(exactIndex), rowid, body)
                    SELECT 'delete', passage.id, \(passageBody(article: "old", passage: "passage"))
                    FROM passage WHERE passage.articleId = old.id;
                END;
                """)
        }

        // v2 (issue 8): entities, and each figure's subject and place.
        migrator.registerMigration("v2") { db in
            // Mentions are stored as JSON on the entity row (`[[start,end],...]`) rather than as
            // rows of their own: they are only ever read with their entity (`show`), never
            // filtered or joined on, and a table would add a row and an index entry per mention
            // (10-30 entities an article, a few mentions each) to every ingest and to the file.
            try db.create(table: "entity") { t in
                t.primaryKey("id", .integer)
                t.column("articleId", .integer).notNull().references("article", onDelete: .cascade)
                // `Entity.id`: the ordinal in the article, from 1
                t.column("ordinal", .integer).notNull()
                t.column("kind", .text).notNull()
                t.column("text", .text).notNull()
                // NULL when the same as `text` (most entities)
                t.column("name", .text)
                t.column("start", .integer).notNull()
                t.column("end", .integer).notNull()
                // JSON arrays: titles `["Bí thư Tỉnh ủy"]`, mentions `[[12,20],[40,48]]`
                t.column("titles", .text).notNull()
                t.column("mentions", .text).notNull()
            }
            // an article's entities (`show`, and the cascade when it is replaced)
            try db.create(index: "entity_on_article", on: "entity", columns: ["articleId", "ordinal"])

            // A figure's subject and place, as `FigureContext` has them: a row of their own (one
            // to one, keyed by the figure's id) for the figures that have one (a fifth today),
            // rather than columns of `figure`: nine NULL columns widened every figure row, and
            // the walks of the figure table (a value range newest first) read 13% slower.
            try db.create(table: "figureContext") { t in
                t.column("figureId", .integer).primaryKey().references("figure", onDelete: .cascade)
                t.column("subject", .text)
                t.column("subjectEntity", .integer)
                t.column("subjectStart", .integer)
                t.column("subjectEnd", .integer)
                t.column("place", .text)
                t.column("placeEntity", .integer)
                t.column("placeStart", .integer)
                t.column("placeEnd", .integer)
                // JSON array of the larger places, most specific first; NULL when none
                t.column("placeWithin", .text)
            }

            // Lookups by folded name (entities by kind and name; figures by place or subject)
            // are whole folded words anywhere in a name (`Phúc` in `tỉnh Vĩnh Phúc`), which a
            // B-tree over a folded column answers only for the first word: full-text indexes,
            // contentless like the passages', folded the same way (`đ` replaced in SQL, then
            // unicode61), without positions or sizes (`detail=none`, `columnsize=0`: the
            // queries are conjunctions of words, never phrases nor ranked). The kind of an
            // entity is checked on the index's hits (a name's few rows), so no B-tree over
            // (kind, name) is kept: every lookup is by words. A place is indexed with its larger
            // places (`placeIndexText`); a figure without a place (subject) has no row there.
            try db.execute(sql: """
                CREATE VIRTUAL TABLE \(entityIndex) USING fts5(name, content='', detail=none, columnsize=0, tokenize='\(Folding.tokenizer)');
                CREATE VIRTUAL TABLE \(placeIndex) USING fts5(place, content='', detail=none, columnsize=0, tokenize='\(Folding.tokenizer)');
                CREATE VIRTUAL TABLE \(subjectIndex) USING fts5(subject, content='', detail=none, columnsize=0, tokenize='\(Folding.tokenizer)');
                CREATE TRIGGER article_leaves_entity_indexes BEFORE DELETE ON article BEGIN
                  INSERT INTO \(entityIndex)(\(entityIndex), rowid, name)
                    SELECT 'delete', entity.id, \(Folding.sql(entityIndexText(entity: "entity"))) FROM entity WHERE entity.articleId = old.id;
                  INSERT INTO \(placeIndex)(\(placeIndex), rowid, place)
                    SELECT 'delete', c.figureId, \(Folding.sql(placeIndexText(context: "c")))
                    FROM figure JOIN figureContext AS c ON c.figureId = figure.id
                    WHERE figure.articleId = old.id AND c.place IS NOT NULL;
                  INSERT INTO \(subjectIndex)(\(subjectIndex), rowid, subject)
                    SELECT 'delete', c.figureId, \(Folding.sql("c.subject"))
                    FROM figure JOIN figureContext AS c ON c.figureId = figure.id
                    WHERE figure.articleId = old.id AND c.subject IS NOT NULL;
                END;
                """)
        }

        // v3: the cross-checker's findings. A finding belongs to an article (a conflict across
        // articles: the article of its first figure); its figures are rows of `findingFigure`,
        // in the finding's order, each naming its article and its `figure` row, with the text
        // and offsets the finding gives it (a finder may narrow a figure to its own number:
        // `34` of `34/39 xã`). `articleChecked` marks the articles the in-article checker has
        // run on (an article may have no finding).
        migrator.registerMigration("v3") { db in
            try db.create(table: "finding") { t in
                t.primaryKey("id", .integer)
                t.column("articleId", .integer).notNull().references("article", onDelete: .cascade)
                // `Finding.Kind`, `Verdict`, `Severity` raw values
                t.column("kind", .text).notNull()
                t.column("verdict", .text).notNull()
                t.column("severity", .text).notNull()
                t.column("computation", .text).notNull()
                t.column("computationEnglish", .text).notNull()
            }
            // an article's findings (`show`, the cascade, a check replacing them); no index on
            // severity or kind: a few findings an article, read whole by `query --findings`
            try db.create(index: "finding_on_article", on: "finding", columns: ["articleId"])
            // The figure is named by its row id without a foreign key: one would need an index on
            // `figureId` for every figure deleted (a million when articles are replaced). The
            // figures go with their article, and so do the findings that name them: by cascade
            // for the finding's own article, by the trigger below for another's (a conflict).
            try db.create(table: "findingFigure", options: [.withoutRowID]) { t in
                t.column("findingId", .integer).notNull().references("finding", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("articleId", .integer).notNull().references("article", onDelete: .cascade)
                t.column("figureId", .integer).notNull()
                t.column("text", .text).notNull()
                t.column("start", .integer).notNull()
                t.column("end", .integer).notNull()
                t.primaryKey(["findingId", "position"])
            }
            try db.create(index: "findingFigure_on_article", on: "findingFigure", columns: ["articleId"])
            try db.create(table: "articleChecked") { t in
                t.column("articleId", .integer).primaryKey().references("article", onDelete: .cascade)
            }
            try db.execute(sql: """
                CREATE TRIGGER article_leaves_findings BEFORE DELETE ON article BEGIN
                  DELETE FROM finding WHERE id IN (SELECT findingId FROM findingFigure WHERE articleId = old.id);
                END;
                """)
        }
        return migrator
    }

    /// The SQL of what the entity index holds for an entity (before `đ` is folded): its name.
    static func entityIndexText(entity: String) -> String { "coalesce(\(entity).name, \(entity).text)" }

    /// The SQL of what the place index holds for a figure (before `đ` is folded): its place and
    /// the JSON array of the larger places (the tokenizer skips the brackets and quotes), as
    /// `FigureRecord.placeIndexText` builds it in Swift.
    static func placeIndexText(context: String) -> String { "\(context).place || ' ' || coalesce(\(context).placeWithin, '')" }

    /// The full-text indexes `integrityCheck` checks.
    static let fullTextIndexes = [foldedIndex, exactIndex, entityIndex, placeIndex, subjectIndex]

    /// The SQL of a passage's text: SQLite's `substr` counts characters (Unicode scalars) in
    /// text, as passage offsets do.
    static func passageBody(article: String, passage: String) -> String {
        """
        CASE WHEN \(passage).start IS NULL THEN coalesce(\(article).title, '') \
        ELSE substr(\(article).text, \(passage).start + 1, \(passage)."end" - \(passage).start) END
        """
    }

    /// The SQL of the units of a passage's figures, as the folded index's `units` column holds them.
    static func passageUnits(passage: String) -> String { "\(passage).unitTokens" }

    /// Adds a passage to both indexes: the same words the trigger removes (`passageBody`, folded
    /// as `Folding.sql` folds). The body is cut in Swift from the article's scalars: SQLite's
    /// `substr` counts characters from the start of the text each time, quadratic over the
    /// passages of a long article (a megabyte of one-line captions took minutes).
    static func index(passage id: Int64, body: String, units: String?, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO \(foldedIndex)(rowid, body, units) VALUES (?, ?, ?)")
            .execute(arguments: [id, Folding.foldingD(body), units])
        try db.cachedStatement(sql: "INSERT INTO \(exactIndex)(rowid, body) VALUES (?, ?)").execute(arguments: [id, body])
    }

    /// Gathers the planner's statistics again when there are none or the figures have doubled
    /// since: without them SQLite takes `unitKey = ?` for a handful of rows and drives a text
    /// search from the unit index instead of from the search's hits. (`analysis_limit` keeps
    /// it to a fraction of a second at a million figures.)
    static func refreshStatistics(_ db: Database) throws {
        let figures = try Int.fetchOne(db, sql: "SELECT max(id) FROM figure") ?? 0
        var analyzed: Int?
        if try db.tableExists("sqlite_stat1") {
            analyzed = try Int.fetchOne(db, sql: "SELECT CAST(stat AS INTEGER) FROM sqlite_stat1 WHERE idx = 'figure_on_article'")
        }
        if let analyzed, figures < 2 * analyzed { return }
        try db.execute(sql: "PRAGMA analysis_limit = 1000; ANALYZE")
    }
}
