#pragma once

#include "domain/achievementfacts.h"
#include "domain/region.h"

#include <QDateTime>
#include <QObject>
#include <QSqlDatabase>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

// The kiosk's achievements page (Figures): the §4 facts in the UI language, and
// live counts of the public records in the store, by category and by paired unit.
class FiguresController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
    // [{id, group, label, value, when, source}] in the UI language.
    Q_PROPERTY(QVariantList facts READ facts NOTIFY factsChanged)
    // [{id, name, count}]: the four work categories of the template catalogue, in order.
    Q_PROPERTY(QVariantList categoryCounts READ categoryCounts NOTIFY countsChanged)
    // [{code, name, count}]: the 16 paired units, in the reference data's order.
    Q_PROPERTY(QVariantList unitCounts READ unitCounts NOTIFY countsChanged)
    Q_PROPERTY(int total READ total NOTIFY countsChanged)
    // When a sync last succeeded on this kiosk; invalid if it never did (bundled content).
    Q_PROPERTY(QDateTime lastSync READ lastSync NOTIFY countsChanged)
    // Why facts or counts are missing; empty when all is well.
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
public:
    FiguresController(QSqlDatabase db, QList<PairedUnit> units, QObject *parent = nullptr);

    QVariantList facts() const;
    QVariantList categoryCounts() const;
    QVariantList unitCounts() const;
    int total() const { return counted().total; }
    QDateTime lastSync() const
    {
        counted();
        return m_lastSync;
    }
    QString error() const { return m_error; }

    // Facts from other JSON than the bundled file (tests; an updated file).
    void loadFacts(const QByteArray &json);

    static constexpr const char *kLastSyncKey = "kiosk_last_sync_ms";

public slots:
    // Counts again from the store.
    void refresh();
    // Connected to SyncEngine::finished: a successful sync dates the data, a pull recounts.
    void syncFinished(bool ok, int pushed, int pulled);
    // The UI language changed: facts and names again.
    void languageChanged();

signals:
    void factsChanged();
    void countsChanged();
    void errorChanged();

private:
    void setError(const QString &error);
    // Counts on first use: every mode builds this, only the kiosk reads it.
    struct Counts {
        int total = 0;
        QHash<QString, int> byCategory;
        QHash<QString, int> byUnit;
    };
    const Counts &counted() const;
    void countNow() const;

    QSqlDatabase m_db;
    QList<PairedUnit> m_units;
    QList<AchievementFact> m_facts;
    QString m_factsError;
    mutable QString m_countsError;
    QString m_error;
    mutable bool m_isCounted = false;
    mutable Counts m_counts;
    mutable QDateTime m_lastSync;
};
