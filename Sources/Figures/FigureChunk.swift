import VietText

/// One piece of an article as `FigureExtractor.extractChunks` reads it: the analysed text and
/// the figures found in it, for the rules that run over the same analysis (entities, the subject
/// and place of each figure) and complete the records before they are written.
public struct FigureChunk {
    /// The piece's analysed text; token ranges are UTF-16 offsets into `analyzed.text.original`.
    public let analyzed: AnalyzedText
    /// Converts the piece's UTF-16 offsets to its Unicode-scalar offsets.
    public let offsets: ScalarOffsets
    /// The scalar offset of the piece in the article (add it to `offsets` for article offsets).
    public let scalarStart: Int
    /// The figures of the piece, with article offsets.
    public var figures: [Figure]
    /// Each figure's UTF-16 range in `analyzed.text.original`.
    public let ranges: [Range<Int>]

    /// The article's scalar offset of a UTF-16 offset of the piece.
    public func articleOffset(_ utf16Offset: Int) -> Int { scalarStart + offsets.scalarOffset(utf16Offset) }
}
