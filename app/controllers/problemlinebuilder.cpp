#include "problemlinebuilder.h"

#include "problemwords.h"
#include "storage/problemrepository.h"
#include "storage/referencedatarepository.h"
#include "storage/templaterepository.h"

#include <QCoreApplication>

namespace {
class Words {
    Q_DECLARE_TR_FUNCTIONS(ProblemLineBuilder)
public:
    static QString rechecked() { return tr("复查通过，待销号"); }
};
} // namespace

ProblemLineBuilder::ProblemLineBuilder(QSqlDatabase db)
    : m_db(db), m_unsent(ProblemRepository(db).withUnsentEvents())
{
    for (const FormTemplate &t : TemplateRepository(db).latestAll())
        m_titles.insert(t.id, t.title.text());
}

ProblemLine ProblemLineBuilder::line(const Problem &p, qint64 nowMs, const GeoFix &here) const
{
    ProblemLine line;
    line.id = p.id;
    line.description = p.description;
    line.categoryText = m_titles.value(p.category, p.category);
    if (!m_villages.contains(p.villageCode)) {
        const auto village = ReferenceDataRepository(m_db).village(p.villageCode);
        m_villages.insert(p.villageCode, village ? village->name : p.villageCode);
    }
    line.villageName = m_villages.value(p.villageCode);
    line.state = int(p.state);
    line.stateText = p.state == ProblemState::ToRecheck && p.recheckPassed
        ? Words::rechecked()
        : ProblemWords::state(p.state);
    line.severityText = ProblemWords::severity(p.severity);
    line.responsibleText = !p.assigned() ? ProblemWords::responsibleKind(ResponsibleKind::None)
        : p.responsibleName.isEmpty()    ? ProblemWords::responsibleKind(p.responsibleKind)
                                         : p.responsibleName;
    line.deadlineText = p.open() ? ProblemWords::deadline(p.deadlineMs, nowMs) : QString();
    line.overdue = p.overdueAt(nowMs);
    line.conflicted = p.conflicts > 0;
    line.pending = m_unsent.contains(p.id);
    for (const ProblemEvent &e : p.history)
        line.pending = line.pending || e.serverSeq == 0;
    line.wayText = ProblemWords::way(p, here);
    line.hasWay = !line.wayText.isEmpty();
    return line;
}
