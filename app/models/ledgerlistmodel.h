#pragma once

#include "controllers/problemline.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QSqlDatabase>

// 整改台账: the supervisor's ledger as a list, filtered by county or township, checklist,
// state and overdue, overdue first, then by deadline — read a page at a time (LedgerQuery), as
// a view scrolls. One role, `line`: the problem as a ProblemLine.
class LedgerListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // County (6 digits) or township (9); empty: the whole jurisdiction
    Q_PROPERTY(QString unitCode READ unitCode WRITE setUnitCode NOTIFY filterChanged)
    // A checklist's template id; empty: all
    Q_PROPERTY(QString category READ category WRITE setCategory NOTIFY filterChanged)
    // 0: all; else ProblemState (1 待整改 … 5 退回重改)
    Q_PROPERTY(int state READ state WRITE setState NOTIFY filterChanged)
    Q_PROPERTY(bool overdueOnly READ overdueOnly WRITE setOverdueOnly NOTIFY filterChanged)
public:
    static constexpr int kPageSize = 50;
    enum Role { LineRole = Qt::UserRole + 1 };

    explicit LedgerListModel(QSqlDatabase db, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    int count() const { return m_total; } // every row the filter matches
    QString unitCode() const { return m_unitCode; }
    void setUnitCode(const QString &code);
    QString category() const { return m_category; }
    void setCategory(const QString &category);
    int state() const { return m_state; }
    void setState(int state);
    bool overdueOnly() const { return m_overdueOnly; }
    void setOverdueOnly(bool overdueOnly);

public slots:
    void reload();

signals:
    void countChanged();
    void filterChanged();

private:
    QList<ProblemLine> readPage(int offset) const;

    QSqlDatabase m_db;
    QString m_unitCode;
    QString m_category;
    int m_state = 0;
    bool m_overdueOnly = false;
    qint64 m_nowMs = 0; // the clock the rows were read at: overdue is judged once per reload
    int m_total = 0;
    QList<ProblemLine> m_rows;
};
