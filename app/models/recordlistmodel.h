#pragma once

#include "domain/formtemplate.h"
#include "domain/record.h"
#include "storage/recordfilter.h"

#include <QAbstractListModel>
#include <QDate>
#include <QHash>
#include <QQmlEngine>
#include <QSqlDatabase>

class PhotoStore;

// The records in the local store, newest first, narrowed by the filter properties and read
// page by page, so a store of 100,000 records opens as fast as one of ten.
class RecordListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int loadedCount READ loadedCount NOTIFY countChanged)
    Q_PROPERTY(int statusFilter READ statusFilter WRITE setStatusFilter NOTIFY filterChanged)
    Q_PROPERTY(QString unitCode READ unitCode WRITE setUnitCode NOTIFY filterChanged)
    Q_PROPERTY(QString townshipCode READ townshipCode WRITE setTownshipCode NOTIFY filterChanged)
    Q_PROPERTY(QString villageCode READ villageCode WRITE setVillageCode NOTIFY filterChanged)
    Q_PROPERTY(QString author READ author WRITE setAuthor NOTIFY filterChanged)
    Q_PROPERTY(QString category READ category WRITE setCategory NOTIFY filterChanged)
    Q_PROPERTY(QDate fromDate READ fromDate WRITE setFromDate NOTIFY filterChanged)
    Q_PROPERTY(QDate toDate READ toDate WRITE setToDate NOTIFY filterChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY filterChanged)
    // The status filter's choices: all, then each ListStatus (statusFilter is the index).
    Q_PROPERTY(QStringList statusLabels READ statusLabels NOTIFY statusLabelsChanged)
public:
    enum Role {
        RecordIdRole = Qt::UserRole + 1,
        TemplateIdRole,
        TitleRole,
        CategoryRole,
        CategoryNameRole,
        VillageNameRole,
        SummaryRole,
        ListStatusRole,
        ListStatusTextRole,
        UpdatedAtRole,
        AuthorRole,
        // What a reviewer needs to trust the row (issue 13), read only for rows shown:
        PhotosHereRole, // n: photos of the revision on this device
        PhotosTotalRole, // m: photos the revision refers to
        PhotosIncompleteRole, // the server says some are pending, or n < m
        PhotosTextRole, // "照片未到齐 (n/m)" while incomplete, else ""
        ConflictRole, // the revision overwrote another tablet's unseen
        FlagsTextRole, // the flags raised (GPS override, stale fix, clock skew), "" if none
    };
    Q_ENUM(Role)

    // What the list needs to know of each template: its title and which answers are text.
    struct TemplateInfo {
        LocalizedText title;
        QStringList textQuestionIds; // in the template's order: the first answered is the summary
    };

    RecordListModel(QSqlDatabase db, QHash<QString, TemplateInfo> templates,
                    QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    int count() const { return m_total; }
    int loadedCount() const { return int(m_records.size()); }
    int statusFilter() const;
    void setStatusFilter(int status);
    QString unitCode() const { return m_filter.unitCode; }
    void setUnitCode(const QString &code);
    QString townshipCode() const { return m_filter.townshipCode; }
    void setTownshipCode(const QString &code);
    QString villageCode() const { return m_filter.villageCode; }
    void setVillageCode(const QString &code);
    QString category() const { return m_filter.category; }
    void setCategory(const QString &category);
    QDate fromDate() const { return m_fromDate; }
    void setFromDate(const QDate &date);
    QDate toDate() const { return m_toDate; }
    void setToDate(const QDate &date);
    QString author() const { return m_filter.author; }
    void setAuthor(const QString &userName);
    QString search() const { return m_filter.search; }
    void setSearch(const QString &text);

    const RecordFilter &filter() const { return m_filter; }
    // Sets every filter at once (one reload).
    void setFilter(const RecordFilter &filter) { applyFilter(filter); }
    // Reads the first page again (after a local edit or a sync).
    Q_INVOKABLE void reload();
    Q_INVOKABLE void clearFilters();
    Q_INVOKABLE QString recordIdAt(int row) const;
    // The user names that pushed the stored records, for the inspector filter.
    Q_INVOKABLE QStringList authors() const;

    QStringList statusLabels() const;
    static constexpr int kPageSize = 100;

    // Where the photos on this device are, for the rows' n/m (none without one).
    void setPhotoStore(const PhotoStore *photos) { m_photos = photos; }

public slots:
    // The language changed: the labels and the rows' words again.
    void retranslate();
    // A photo arrived on this device: rows shown that refer to it count again.
    void photoArrived(const QString &sha256);

signals:
    void countChanged();
    void filterChanged();
    void statusLabelsChanged();

private:
    // A row's photos and flags, worked out the first time the row is shown.
    struct ReviewMarks {
        QStringList photos; // the revision's photos (SHA-256 names)
        int here = 0;
        QString flagsText;
    };
    const ReviewMarks &marksOf(int row) const;
    void applyFilter(const RecordFilter &filter);
    QString villageName(const QString &code) const;
    QString summaryOf(const Record &record) const;

    QSqlDatabase m_db;
    QHash<QString, TemplateInfo> m_templates;
    RecordFilter m_filter;
    QDate m_fromDate;
    QDate m_toDate;
    QList<Record> m_records;
    int m_total = 0;
    mutable QHash<QString, QString> m_villageNames;
    const PhotoStore *m_photos = nullptr;
    mutable QHash<int, ReviewMarks> m_marks; // by row; cleared when the rows are read again
};
