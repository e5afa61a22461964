/// Rule family: exclusions — numbers that are not figures (spec: what is not a figure).
///
/// Dates and time frames are taken out by `Times`; here: ordinals (`thứ 2`, `lần thứ 3`),
/// levels and names (`cấp 7`, `quận 9`, `giai đoạn 3`, `Điều 5`, `khóa 14`), document and
/// phone numbers, one person's age (`ông A, 45 tuổi`), vague amounts (`hàng trăm`, `cả
/// nghìn`), the bare `một` (`một số`, `một đồng chí`), and durations that frame when
/// something happened (`sau 2 năm triển khai`, `16 tháng qua`).
enum Exclusions {
    /// Words after which a number names or ranks rather than counts.
    static let namingWords: Set<String> = [
        "thứ", "số", "cấp", "quận", "phường", "khối", "tổ", "đội", "xóm", "thôn", "khu", "lô", "phòng", "tầng",
        "lớp", "khóa", "khoá", "điều", "khoản", "chương", "mục", "đoạn", "kỳ", "hạng", "top", "đường", "lộ", "ql",
        "km", "loại", "nhóm", "cổng", "bến", "ấp", "bản", "tập", "phần", "câu", "trang", "hình", "bảng", "tuyến",
        "trạm", "mẫu", "quyển", "cửa", "sân", "bàn", "tiết", "ô", "phiên", "đợt", "vòng", "lần", "ngày", "tháng",
        "năm", "quý", "tuần", "giờ", "tỷ lệ", "phố",
    ]
    /// Words before a spelled or digit number that make it vague: `hàng trăm`, `vài chục`.
    static let vagueWords: Set<String> = ["hàng", "vài", "mấy", "dăm", "cả", "hằng", "mươi"]
    static let timeFrameAfter: Set<String> = ["qua", "tới", "trước", "nay", "gần", "đầu", "cuối", "sau", "liên", "liền", "trở", "rồi", "nữa"]
    static let timeFrameBefore: Set<String> = ["sau", "trong", "trước", "suốt", "mất", "vòng", "cách", "hơn", "gần", "khoảng"]

    /// Whether the number at `q` (with unit `unit` ending at `unitEnd`) is not a figure.
    static func excluded(_ v: SentenceView, _ q: Quantity, unit: String, unitEnd: Int) -> Bool {
        let start = q.range.lowerBound
        let before = v.lower(start - 1)
        // `lần thứ 3`, `cấp 7`, `Điều 5`; but `lần` as the unit after a number is fine
        if let b = before, namingWords.contains(b), v.kind[start] == .number || q.spelled,
           !(b == "số" && v.is(start - 2, "tổng")) {
            // `năm` before a spelled number is the digit, not the noun; `tháng 3` was a time already
            if !(q.spelled && b == "năm") { return true }
        }
        if v.is(start - 2, "giai"), before == "đoạn" { return true }
        // a piece of a code: `ĐT.185`, `QL.1A`
        if before == ".", !v.spaceBefore[start], start >= 2, v.kind[start - 2] == .abbreviation || v.kind[start - 2] == .syllable { return true }
        // vague amounts: `hàng trăm`, `hàng chục nghìn`, `cả trăm`
        if q.spelled && !q.hasDigitWord { return true }
        if let b = before, vagueWords.contains(b), q.spelled { return true }
        // the bare `một` (`một số`, `một đồng chí`) and `không` (`không thể`): with a scale word they count
        if q.spelled, q.value <= 1, q.range.count == 1 { return true }
        // a number with nothing it counts is a name or a rank (`tổ dân phố 10`), not a figure
        if unit.isEmpty && !q.isPercent { return true }
        // spelled single digits are read only before a unit noun; `năm` alone is the year noun
        if q.spelled, q.range.count == 1, unit.isEmpty || v.is(start, "năm") { return true }
        // phone numbers: 0912345678, 0243.123.456
        let digits = v.lower[start].filter(\.isNumber)
        if v.kind[start] == .number, digits.hasPrefix("0"), digits.count >= 8 { return true }
        if let b = before, ["thoại", "đt", "hotline", "fax", "máy"].contains(b) { return true }
        // one person's age: `ông A, 45 tuổi`, `(45 tuổi)`
        if unit == "tuổi", let b = before, b == "," || b == "(" || b == "sinh" { return true }
        // durations that frame a time: `5 năm qua`, `sau 2 năm triển khai`
        if Units.timeUnits.contains(unit.lowercased()) {
            if let a = v.lower(unitEnd), timeFrameAfter.contains(a) { return true }
            if let b = before, timeFrameBefore.contains(b) { return true }
        }
        // a plain four-digit year standing alone
        if v.kind[start] == .number, Times.year(v.lower[start]) != nil, unit.isEmpty || Units.timeUnits.contains(unit) { return true }
        return false
    }
}
