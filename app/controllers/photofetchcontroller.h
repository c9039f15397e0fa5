#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QSqlDatabase>
#include <QString>

class PhotoFetcher;

// Where the fetch of the review queue's photos stands, for the queue's status line: "照片下载中
// 3/50" while they come, and what failed and why, in the user's language. The photo budget
// (a setting kept in the store) is read and set here.
class PhotoFetchController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
    Q_PROPERTY(bool active READ active NOTIFY changed)
    Q_PROPERTY(bool problem READ problem NOTIFY changed)
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
    Q_PROPERTY(int fetched READ fetched NOTIFY changed)
    Q_PROPERTY(int wanted READ wanted NOTIFY changed)
    Q_PROPERTY(qint64 usedBytes READ usedBytes NOTIFY changed)
    Q_PROPERTY(qint64 budgetBytes READ budgetBytes NOTIFY changed)
    Q_PROPERTY(QString budgetText READ budgetText NOTIFY changed)
public:
    PhotoFetchController(PhotoFetcher *fetcher, QSqlDatabase db, QObject *parent = nullptr);

    // Photos of this round are still coming.
    bool active() const;
    // Some failed, or the round stopped: statusText says why.
    bool problem() const;
    // "" when every photo the queue wants is here.
    QString statusText() const;
    int fetched() const;
    int wanted() const;
    qint64 usedBytes() const;
    qint64 budgetBytes() const;
    // "已用 1.2 GB / 2.0 GB"
    QString budgetText() const;

    // The most the fetched photos may take on this device; kept in the store.
    Q_INVOKABLE bool setBudgetBytes(qint64 bytes);

public slots:
    void retranslate() { emit changed(); }

signals:
    void changed();
    // A photo is on this device now (whole, verified, under its name): what counts the
    // photos of a record on this device counts again.
    void photoArrived(const QString &sha256);

private:
    PhotoFetcher *m_fetcher;
    QSqlDatabase m_db;
};
