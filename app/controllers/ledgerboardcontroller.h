#pragma once

#include "controllers/placeentry.h"
#include "coverageline.h"
#include "ledgersummary.h"
#include "signofftownshipline.h"
#include "townshiprankline.h"

#include <QObject>
#include <QQmlEngine>
#include <QSqlDatabase>
#include <QUrl>

class LedgerListModel;

// The supervisor's view of the rectification ledger beside its list (LedgerListModel): the
// figures of the filtered ledger, the townships ranked by closure rate, village coverage, the
// monthly sign-off and the CSV export (整改台账 that goes upward). Read from the store after
// every sync and every step taken here.
class LedgerBoardController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
    Q_PROPERTY(LedgerSummary summary READ summary NOTIFY changed)
    Q_PROPERTY(QList<TownshipRankLine> ranking READ ranking NOTIFY changed)
    Q_PROPERTY(QList<CoverageLine> coverage READ coverage NOTIFY changed)
    Q_PROPERTY(int coverageDays READ coverageDays CONSTANT)
    Q_PROPERTY(QList<SignoffTownshipLine> signoffTownships READ signoffTownships NOTIFY changed)
    Q_PROPERTY(QString currentMonth READ currentMonth NOTIFY changed)
    // The filter choices: the counties and townships of the account's scope, the checklists
    Q_PROPERTY(QList<PlaceEntry> units READ units NOTIFY changed)
    Q_PROPERTY(QList<PlaceEntry> categories READ categories NOTIFY changed)
public:
    LedgerBoardController(QSqlDatabase db, LedgerListModel *list, QObject *parent = nullptr);

    // Writes the filtered ledger as CSV into the folder; the file's path, or why not.
    Q_INVOKABLE QString exportCsv(const QUrl &folder);
    // Signs the township's month off at this account's level, acknowledging its open items;
    // stored and queued at once. What happened, in the user's words.
    Q_INVOKABLE QString signOff(const QString &townshipCode, const QString &month);

    LedgerSummary summary() const { return m_summary; }
    QList<TownshipRankLine> ranking() const { return m_ranking; }
    QList<CoverageLine> coverage() const { return m_coverage; }
    int coverageDays() const;
    QList<SignoffTownshipLine> signoffTownships() const { return m_signoffs; }
    QString currentMonth() const;
    QList<PlaceEntry> units() const { return m_units; }
    QList<PlaceEntry> categories() const { return m_categories; }

public slots:
    void refresh();

signals:
    void changed();
    // A sign-off was stored: the sync sends it.
    void recorded();

private:
    QString unitCode() const; // the list's filter, else the account's first scope
    QString nameOfTownship(const QString &code) const;

    QSqlDatabase m_db;
    LedgerListModel *m_list;
    LedgerSummary m_summary;
    QList<TownshipRankLine> m_ranking;
    QList<CoverageLine> m_coverage;
    QList<SignoffTownshipLine> m_signoffs;
    QList<PlaceEntry> m_units;
    QList<PlaceEntry> m_categories;
};
