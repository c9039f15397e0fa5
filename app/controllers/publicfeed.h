#pragma once

#include <QHash>
#include <QObject>
#include <QQmlEngine>
#include <QSqlDatabase>

#include "categorycount.h"
#include "closurerateline.h"
#include "publicproblemcard.h"
#include "publicrecord.h"
#include "unitcount.h"

class PhotoStore;

// What the kiosk shows of its store, which holds only the published, redacted public copies
// a kiosk pulls: the records with the photos downloaded so far, by paired unit and category.
// Read into memory on first use and again at reload() (after a sync pulled something): a
// kiosk holds hundreds. Every mode builds it; only the kiosk's pages read it, so a
// supervisor's store is never read for it.
class PublicFeed : public QObject {
    Q_OBJECT
    // Bumped by every reload: bindings that call records() name it to be evaluated again.
    Q_PROPERTY(int generation READ generation NOTIFY changed)
    Q_PROPERTY(int count READ count NOTIFY changed)
    // In the units' order, only units with records.
    Q_PROPERTY(QList<UnitCount> counties READ counties NOTIFY changed)
    // In the categories' order, only categories with records.
    Q_PROPERTY(QList<CategoryCount> categories READ categories NOTIFY changed)
public:
    PublicFeed(QSqlDatabase db, const PhotoStore *photos, QObject *parent = nullptr);

    int generation() const { return m_generation; }
    int count() const { return int(loaded().size()); }
    QList<UnitCount> counties() const;
    QList<CategoryCount> categories() const;

    // Newest first; an empty filter matches all.
    Q_INVOKABLE QList<PublicRecord> records(const QString &unitCode = {},
                                            const QString &category = {}) const;
    // One unit's records by category (all categories, zero counts included).
    Q_INVOKABLE QList<CategoryCount> categoryCounts(const QString &unitCode) const;

    // The ledger: closed problems a supervisor published, newest closed first, with their
    // public renditions; and each paired unit's closure rate (units with problems only).
    Q_INVOKABLE QList<PublicProblemCard> problems() const;
    Q_INVOKABLE QList<ClosureRateLine> closureRates() const;

public slots:
    // Reads the store again if it was read before; bumps generation.
    void reload();

signals:
    void changed();

private:
    const QList<PublicRecord> &loaded() const;
    void load() const;

    QSqlDatabase m_db;
    const PhotoStore *m_photos;
    // Filled by load(), on the first read (a cache of the store: const readers fill it).
    mutable bool m_loaded = false;
    mutable QList<PublicRecord> m_records;
    mutable QList<std::pair<QString, QString>> m_unitNames; // code, name in reference order
    int m_generation = 0;
};
