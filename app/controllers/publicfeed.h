#pragma once

#include <QHash>
#include <QObject>
#include <QQmlEngine>
#include <QSqlDatabase>
#include <QVariantList>

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
    // [{code, name, count}] in the units' order, only units with records.
    Q_PROPERTY(QVariantList counties READ counties NOTIFY changed)
    // [{id, name, count}] in the categories' order, only categories with records.
    Q_PROPERTY(QVariantList categories READ categories NOTIFY changed)
public:
    PublicFeed(QSqlDatabase db, const PhotoStore *photos, QObject *parent = nullptr);

    int generation() const { return m_generation; }
    int count() const { return int(loaded().size()); }
    QVariantList counties() const;
    QVariantList categories() const;

    // Newest first: [{recordId, title, unitCode, unitName, villageName, category,
    // categoryName, date, photoUrls, photoCount}]; an empty filter matches all. photoUrls are
    // file URLs of the published photos already downloaded.
    Q_INVOKABLE QVariantList records(const QString &unitCode = {},
                                     const QString &category = {}) const;
    // [{id, name, count}] of one unit's records (all categories, zero counts included).
    Q_INVOKABLE QVariantList categoryCounts(const QString &unitCode) const;

public slots:
    // Reads the store again if it was read before; bumps generation.
    void reload();

signals:
    void changed();

private:
    struct Entry {
        QVariantMap shown;
        QString unitCode;
        QString category;
    };

    const QList<Entry> &loaded() const;
    void load() const;

    QSqlDatabase m_db;
    const PhotoStore *m_photos;
    // Filled by load(), on the first read (a cache of the store: const readers fill it).
    mutable bool m_loaded = false;
    mutable QList<Entry> m_records;
    mutable QList<std::pair<QString, QString>> m_unitNames; // code, name in reference order
    int m_generation = 0;
};
