import Testing
@testable import Entities

/// The built-in entity data loads and holds together.
@Suite struct EntityLexiconTests {
    let lexicon: EntityLexicon

    init() throws { lexicon = try EntityLexicon.builtin() }

    @Test func sixtyThreeCurrentProvinces() {
        let current = lexicon.provinces.filter { $0.status == .current }
        #expect(current.count == 63)
        #expect(Set(current.map(\.name)).count == 63)
        #expect(current.contains { $0.name == "Vĩnh Phúc" && $0.level == "tỉnh" })
        #expect(current.contains { $0.name == "Thành phố Hồ Chí Minh" && $0.otherNames.contains("TP.HCM") })
    }

    @Test func everyDistrictIsInAKnownProvince() {
        let names = Set(lexicon.provinces.map(\.name))
        #expect(lexicon.districts.filter { !names.contains($0.province) }.map(\.name) == [])
        let vinhPhuc = Set(lexicon.districts.filter { $0.province == "Vĩnh Phúc" }.map(\.name))
        #expect(vinhPhuc.isSuperset(of: ["Tam Đảo", "Sông Lô", "Lập Thạch", "Tam Dương", "Yên Lạc", "Vĩnh Tường"]))
    }

    @Test func levelsAndWordLists() {
        #expect(lexicon.levels["tỉnh"] == 1 && lexicon.levels["huyện"] == 2 && lexicon.levels["xã"] == 3 && lexicon.levels["thôn"] == 4)
        #expect(lexicon.abbreviations["UBND"]?.expansion == "Ủy ban nhân dân")
        #expect(lexicon.abbreviations["BTV"]?.expansion == "Ban Thường vụ")
        #expect(lexicon.personTitles.contains("Trưởng ban"))
        #expect(lexicon.formsOfAddress.contains("đồng chí"))
        #expect(lexicon.standaloneOrganizations.contains("Tỉnh ủy"))
        #expect(lexicon.organizationHeads.contains { $0.head == "Chi bộ" })
        #expect(lexicon.documentHeads["Nghị quyết"] != nil)
        #expect(lexicon.documentCodes.contains("CT/TW"))
        #expect(lexicon.genericGroups.contains("đảng viên"))
        #expect(lexicon.countries["Việt Nam"] != nil)
    }
}
