#pragma once

#include "domain/region.h"

#include <QList>
#include <QSqlDatabase>
#include <optional>

// The paired units, townships and villages shipped with the app (app/data/reference).
class ReferenceDataRepository {
public:
    explicit ReferenceDataRepository(QSqlDatabase db) : m_db(db) { }

    // Loads the bundled CSVs in one transaction if the store has no units yet.
    bool loadIfEmpty();
    // Replaces every unit, township and village with a newer version from the server, in
    // one transaction; records keep their village codes.
    bool replaceAll(const QList<PairedUnit> &units, const QList<Township> &townships,
                    const QList<Village> &villages, int version);
    // The version the store holds: 1 is the bundled one.
    int version() const;

    QList<PairedUnit> units() const;
    QList<Township> townships(const QString &unitCode) const;
    QList<Village> villages(const QString &townshipCode) const;
    std::optional<Village> village(const QString &code) const;
    std::optional<Township> township(const QString &code) const;
    // The paired unit a village belongs to (see pairedUnitCodeOfVillage).
    std::optional<PairedUnit> unitOfVillage(const QString &villageCode) const;
    // The lowest village code starting with `unitCode` (a paired unit's or a township's),
    // or empty if none does.
    QString firstVillageOf(const QString &unitCode) const;

    // Villages whose name contains `text`, within a paired unit if one is given.
    QList<Village> searchVillages(const QString &text, const QString &unitCode, int limit) const;
    // The villages this device used last, newest first.
    QList<Village> recentVillages(int limit) const;
    bool markVillageUsed(const QString &code, qint64 atMs);

    int unitCount() const { return countOf("paired_unit"); }
    int townshipCount() const { return countOf("township"); }
    int villageCount() const { return countOf("village"); }

    QString lastError() const { return m_error; }

private:
    int countOf(const char *table) const;

    QSqlDatabase m_db;
    QString m_error;
};
