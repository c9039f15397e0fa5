#pragma once

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

// One public copy as the kiosk's feed lists it, with the name of its village.
struct PublicFeedRow {
    QString recordId;
    QString templateId;
    QString category;
    QString unitCode; // record.unit_code: as pairedUnitCodeOfVillage gives it
    qint64 updatedAtMs = 0;
    QByteArray content;
    QString villageName; // empty when the reference data lacks the village
};

// The records of a kiosk's store (only the published, redacted public copies it pulls), read
// for its feed. A kiosk holds hundreds: all are read at once.
class PublicFeedQuery {
public:
    explicit PublicFeedQuery(QSqlDatabase db) : m_db(db) { }

    // Every record, newest first (ties by id); nullopt on an SQL error (lastError), so that
    // an unreadable store is told apart from an empty one.
    std::optional<QList<PublicFeedRow>> newestFirst() const;

    QString lastError() const { return m_error; }

private:
    QSqlDatabase m_db;
    mutable QString m_error;
};
