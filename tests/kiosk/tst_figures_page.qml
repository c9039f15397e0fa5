import QtQuick
import QtQuick.Controls
import QtTest
import Qingshui.Backend
import Qingshui.Ui

// The achievements page on the design canvas: every §4 figure with its source and date, the
// live counts of the kiosk's public records, the attract loop over the groups, no focus.
Item {
    id: root
    width: 1920
    height: 1080

    KioskAchievementsPage {
        id: page
        anchors.fill: parent
    }

    TestCase {
        name: "KioskFigures"
        when: windowShown

        function countOf(name) {
            return findChild(page, name).count
        }

        function test_factsWithSourceAndDate() {
            compare(Figures.error, "")
            compare(Figures.facts.length, 34) // every row of domain.md §4
            var card = findChild(page, "fact_water_to_beijing")
            verify(card !== null)
            compare(findChild(card, "factValue").text, "累计超60亿立方米")
            compare(findChild(card, "factLabel").text, "累计向北京供水")
            var source = findChild(card, "factSource").text
            verify(source.indexOf("截至2020年底") >= 0, source)
            verify(source.indexOf("十四五") >= 0, source)
            // Two sources, both named. (Its group's cards may still be made again after the
            // language test: wait for them.)
            tryVerify(function() { return findChild(page, "fact_period") !== null })
            var period = findChild(page, "fact_period")
            verify(findChild(period, "factSource").text.indexOf("京宛对口协作八年") >= 0)
            compare(findChild(page, "figuresUpdated").text, "离线 · 内置数据")
        }

        function test_countsFollowTheStore() {
            // Counted afresh: an earlier test file may have had them counted, then seeded more.
            Figures.refresh()
            var ecology = countOf("categoryCount_ecology")
            var wudang = countOf("unitCount_420381450")
            var danjiangkou = countOf("unitCount_420381")
            var total = Figures.total
            verify(figuresSeed.seed("420381450", "ecology", 2))
            verify(figuresSeed.seed("420381100", "sanitation", 1))
            compare(countOf("categoryCount_ecology"), ecology) // until counted again
            Figures.refresh()
            compare(countOf("categoryCount_ecology"), ecology + 2)
            compare(countOf("unitCount_420381450"), wudang + 2)
            compare(countOf("unitCount_420381"), danjiangkou + 1)
            compare(Figures.total, total + 3)
            compare(findChild(page, "publicTotal").text, String(total + 3))
        }

        function test_attractStepWalksTheGroupsThenEnds() {
            var groups = page.groups.length
            compare(groups, 7) // water, pairing, ecology, people, livelihood, industry, targets
            for (var i = 0; i < groups; ++i) {
                verify(page.attractStep(), "step " + i)
                compare(page.currentGroup, i)
            }
            verify(!page.attractStep())
            compare(page.currentGroup, -1)
            verify(page.attractStep()) // a new round starts over
            compare(page.currentGroup, 0)
        }

        function test_englishFacts() {
            Language.language = "en"
            tryVerify(function() {
                var c = findChild(page, "fact_water_to_beijing")
                return c !== null && findChild(c, "factLabel").text === "Water delivered to Beijing"
            })
            var card = findChild(page, "fact_water_to_beijing")
            compare(findChild(card, "factValue").text, "over 6 billion m³")
            verify(findChild(card, "factSource").text.indexOf("through end-2020") >= 0)
            compare(findChild(page, "categoryCount_ecology").modelData.name, "Ecological work")
            Language.language = "zh_CN"
            // The cards are made again for the new language.
            tryVerify(function() {
                var c = findChild(page, "fact_water_to_beijing")
                return c !== null && findChild(c, "factLabel").text === "累计向北京供水"
            })
        }

        function test_nothingTakesFocus() {
            page.attractStep()
            mouseClick(page, page.width / 2, page.height / 2)
            var focused = root.Window.activeFocusItem
            verify(focused === null || focused === root || focused === root.parent,
                   "focus on " + focused)
        }
    }
}
