#pragma once

#include "domain/geofix.h"
#include "domain/problem.h"
#include "problemline.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>

// Turns problems into the lines lists show (ProblemLine): the checklist's title, the village's
// name, the words for state, severity, unit and deadline, and the way there from a fix. Reads
// titles and names from the store once per builder: build one per list, not per row.
class ProblemLineBuilder {
public:
    explicit ProblemLineBuilder(QSqlDatabase db);

    // here: the tablet's fix (invalid: no way shown).
    ProblemLine line(const Problem &problem, qint64 nowMs, const GeoFix &here = {}) const;

private:
    QSqlDatabase m_db;
    QHash<QString, QString> m_titles; // template id → title in the user's language
    mutable QHash<QString, QString> m_villages; // village code → name
    QSet<QString> m_unsent; // problems with a step not sent yet (lists carry no history)
};
