#include "peerratios.h"

#include "benchstats.h"
#include "syncfigures.h"

#include <QFile>
#include <QHash>
#include <QString>
#include <algorithm>
#include <cstdio>

namespace {

// name -> value of a `name value unit` file; empty if it cannot be read.
QHash<QString, double> readFigures(const QString &path)
{
    QHash<QString, double> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return out;
    while (!file.atEnd()) {
        const QList<QByteArray> fields = file.readLine().simplified().split(' ');
        bool ok = false;
        const double value = fields.size() >= 2 ? fields.at(1).toDouble(&ok) : 0;
        if (ok)
            out.insert(QString::fromUtf8(fields.at(0)), value);
    }
    return out;
}

} // namespace

void printPeerRatios(const SyncFigures &figures)
{
    const QString path = qEnvironmentVariable("QS_PEER_FIGURES");
    if (path.isEmpty())
        return;
    const QHash<QString, double> peer = readFigures(path);
    if (peer.isEmpty()) {
        std::fprintf(stderr, "QS_PEER_FIGURES: no figures in %s\n", qPrintable(path));
        return;
    }
    // The peer's own figures first, under their names, so one output holds both sides.
    struct Named {
        const char *name;
        const char *unit;
    };
    for (const Named &f :
         {Named {"pouchdb_push_b100_docs_per_s", "docs/s"},
          Named {"pouchdb_pull_b100_docs_per_s", "docs/s"}, Named {"pouchdb_noop_b100_ms", "ms"},
          Named {"pouchdb_push_b500_docs_per_s", "docs/s"},
          Named {"pouchdb_pull_b500_docs_per_s", "docs/s"}, Named {"pouchdb_noop_b500_ms", "ms"}}) {
        if (!peer.contains(QLatin1String(f.name))) {
            std::fprintf(stderr, "QS_PEER_FIGURES: %s lacks %s\n", qPrintable(path), f.name);
            return;
        }
        printFigure(f.name, peer.value(QLatin1String(f.name)), f.unit);
    }
    auto ratio
        = [](double ours, double theirs) { return ours > 0 && theirs > 0 ? ours / theirs : 0; };
    printFigure(
        "push_to_pouchdb_b100_ratio",
        ratio(figures.pushRecordsPerS, peer.value(QStringLiteral("pouchdb_push_b100_docs_per_s"))),
        "x");
    printFigure(
        "push_to_pouchdb_b500_ratio",
        ratio(figures.pushRecordsPerS, peer.value(QStringLiteral("pouchdb_push_b500_docs_per_s"))),
        "x");
    printFigure(
        "pull_to_pouchdb_b100_ratio",
        ratio(figures.pullRecordsPerS, peer.value(QStringLiteral("pouchdb_pull_b100_docs_per_s"))),
        "x");
    printFigure(
        "pull_to_pouchdb_b500_ratio",
        ratio(figures.pullRecordsPerS, peer.value(QStringLiteral("pouchdb_pull_b500_docs_per_s"))),
        "x");
    // The peer's no-op does not depend on its batch size: its better one.
    const double peerNoop = std::min(peer.value(QStringLiteral("pouchdb_noop_b100_ms")),
                                     peer.value(QStringLiteral("pouchdb_noop_b500_ms")));
    printFigure("noop_sync_to_pouchdb_ratio", ratio(figures.noopSyncMs, peerNoop), "x");
}
