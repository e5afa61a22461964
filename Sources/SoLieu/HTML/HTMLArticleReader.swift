// Placeholder until the HTML reader lands (branch html).
public enum HTMLArticleReader {
    public static func read(bytes: [UInt8], name: String, source: String) throws(ArticleReadError) -> Article {
        throw ArticleReadError(file: source, message: "HTML is not supported yet")
    }
}
