/// Rule family: exclusions — numbers that are not figures (spec: what is not a figure).
///
/// Dates and time frames are taken out by `Times`; here: ordinals (`thứ 2`, `lần thứ 3`),
/// levels and names (`cấp 7`, `quận 9`, `giai đoạn 3`, `Điều 5`, `khóa 14`), document and
/// phone numbers, one person's age (`ông A, 45 tuổi`), vague amounts (`hàng trăm`, `cả
/// nghìn`), the bare `một` (`một số`, `một đồng chí`), and durations that frame when
/// something happened (`sau 2 năm triển khai`, `16 tháng qua`).
enum Exclusions {
    /// Words after which a number names or ranks rather than counts.
    static let namingWords: KeySet = [
        "thứ", "số", "cấp", "quận", "phường", "khối", "tổ", "đội", "xóm", "thôn", "khu", "lô", "phòng", "tầng",
        "lớp", "khóa", "khoá", "điều", "khoản", "chương", "mục", "đoạn", "kỳ", "hạng", "top", "đường", "lộ", "ql",
        "km", "loại", "nhóm", "cổng", "bến", "ấp", "bản", "tập", "phần", "câu", "trang", "hình", "bảng", "tuyến",
        "trạm", "mẫu", "quyển", "cửa", "sân", "bàn", "tiết", "ô", "phiên", "đợt", "vòng", "lần", "ngày", "tháng",
        "năm", "quý", "tuần", "giờ", "tỷ lệ", "phố",
    ]
    /// Words before a spelled or digit number that make it vague: `hàng trăm`, `vài chục`.
    static let vagueWords: KeySet = ["hàng", "vài", "mấy", "dăm", "cả", "hằng", "mươi"]
    static let timeFrameAfter: KeySet = ["qua", "tới", "trước", "nay", "gần", "đầu", "cuối", "sau", "liên", "liền", "trở", "rồi", "nữa"]
    static let timeFrameBefore: KeySet = ["sau", "trong", "trước", "suốt", "mất", "vòng", "cách", "hơn", "gần", "khoảng"]

    static let phoneWords: KeySet = ["thoại", "đt", "hotline", "fax", "máy"]
    static let ageWords: KeySet = [",", "(", "sinh"]

    /// Whether the number at `q` (with unit `unit` ending at `unitEnd`) is not a figure.
    static func excluded(_ v: SentenceView, _ q: Quantity, unit: String, unitEnd: Int) -> Bool {
        let start = q.range.lowerBound
        let b = start - 1
        // `lần thứ 3`, `cấp 7`, `Điều 5`; but `lần` as the unit after a number is fine
        if v.isAny(b, namingWords), v.kind[start] == .number || q.spelled, !(v.is(b, "số") && v.is(start - 2, "tổng")) {
            // `năm` before a spelled number is the digit, not the noun; `tháng 3` was a time already
            if !(q.spelled && v.is(b, "năm")) { return true }
        }
        if v.is(start - 2, "giai"), v.is(b, "đoạn") { return true }
        // a piece of a code: `ĐT.185`, `QL.1A`
        if v.is(b, "."), !v.spaceBefore[start], start >= 2, v.kind[start - 2] == .abbreviation || v.kind[start - 2] == .syllable { return true }
        // vague amounts: `hàng trăm`, `hàng chục nghìn`, `cả trăm`
        if q.spelled && !q.hasDigitWord { return true }
        if v.isAny(b, vagueWords), q.spelled { return true }
        // the bare `một` (`một số`, `một đồng chí`) and `không` (`không thể`): with a scale word they count
        if q.spelled, q.value <= 1, q.range.count == 1 { return true }
        // a number with nothing it counts is a name or a rank (`tổ dân phố 10`), not a figure
        if unit.isEmpty && !q.isPercent { return true }
        // spelled single digits are read only before a unit noun; `năm` alone is the year noun
        if q.spelled, q.range.count == 1, unit.isEmpty || v.is(start, "năm") { return true }
        // phone numbers: 0912345678, 0243.123.456
        if v.kind[start] == .number {
            let digits = v.lower[start].filter(\.isNumber)
            if digits.hasPrefix("0"), digits.count >= 8 { return true }
        }
        if v.isAny(b, phoneWords) { return true }
        // one person's age: `ông A, 45 tuổi`, `(45 tuổi)`
        if unit == "tuổi", v.isAny(b, ageWords) { return true }
        // durations that frame a time: `5 năm qua`, `sau 2 năm triển khai`
        if Units.timeUnits.contains(unit.lowercased()) {
            if v.isAny(unitEnd, timeFrameAfter) { return true }
            if v.isAny(b, timeFrameBefore) { return true }
        }
        // a plain four-digit year standing alone
        if v.kind[start] == .number, Times.year(v.lower[start]) != nil, unit.isEmpty || Units.timeUnits.contains(unit) { return true }
        return false
    }
}
