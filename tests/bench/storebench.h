#pragma once

// Suite `store`: saving records, filtering the list and starting the app, over a store of
// 100,000 records (issue 3's figures).
int runStoreBench();

#include <QByteArray>
#include <QRandomGenerator>
#include <QString>

// The content of a sanitation (六清/六乱) record with every section answered, a GPS point, two
// photo references and the note given (by default the suite's own note); other suites reuse it.
QByteArray fullSanitationContent(QRandomGenerator &rng, const QString &note);
QByteArray fullSanitationContent(QRandomGenerator &rng);
