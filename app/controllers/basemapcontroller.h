#pragma once

#include "basemapinfo.h"
#include "basemappackageline.h"
#include "storage/basemaprepository.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QQmlEngine>
#include <QSqlDatabase>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>

class BasemapFetchJob;
class NetworkWatch;

// The basemaps of this device (singleton Basemaps, inspector and supervisor): the one the map
// shows (current: the newest installed package for the device's scope, or a file imported by
// hand), the packages the server offers with their downloads' progress and state, whether
// downloads may use a metered network, and importing a file by hand. Packages come by sync
// only (docs/sync.md, "Basemaps"): after each sync the fetcher runs (BasemapFetchJob).
class BasemapController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
    Q_PROPERTY(BasemapInfo current READ current NOTIFY changed)
    Q_PROPERTY(QList<BasemapPackageLine> packages READ packages NOTIFY changed)
    Q_PROPERTY(bool allowMetered READ allowMetered WRITE setAllowMetered NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
public:
    struct Options {
        QString databasePath;
        QString serverAddress; // --server; empty: the store's
        QString directory; // <data dir>/basemaps
        qint64 marginBytes = 64 * 1024 * 1024; // kept free besides a package
        std::function<qint64(const QString &directory)> freeBytes; // tests; else the disk's
    };

    // network: where the fetcher learns whether the network is metered (may be null: not).
    BasemapController(QSqlDatabase db, Options options, NetworkWatch *network,
                      QObject *parent = nullptr);
    ~BasemapController() override;

    BasemapInfo current() const { return m_current; }
    QList<BasemapPackageLine> packages() const { return m_lines; }
    bool allowMetered() const;
    void setAllowMetered(bool allow);
    bool busy() const { return m_busy; }
    QString lastError() const { return m_lastError; }

    // A file picked by hand: checked as the map opens it, copied into the basemaps folder
    // (after a check of the free disk) and made current. false: lastError says why, and
    // the current basemap is what it was.
    Q_INVOKABLE bool importFile(const QUrl &file);

    // <directory>/<sha256>.mbtiles
    static QString pathFor(const QString &directory, const QString &sha256);

public slots:
    // Reads the store again (packages, states, the current basemap).
    void refresh();
    // After a sync: fetch what the server offers and this device lacks.
    void fetch();

signals:
    void changed();
    // The basemap the map shows is another one (a package installed, a file imported).
    void currentChanged();

private:
    QString stateText(const StoredBasemap &b, double *progress) const;
    QString failureText(const QString &code, const QStringList &args) const;
    QString scopeText(const QString &code) const;
    void buildLines(const QList<StoredBasemap> &all);
    bool fail(const QString &message);

    QSqlDatabase m_db;
    Options m_options;
    NetworkWatch *m_network;
    std::unique_ptr<BasemapFetchJob> m_job;
    BasemapInfo m_current;
    QList<BasemapPackageLine> m_lines;
    QHash<QString, QPair<qint64, qint64>> m_progress; // sha256 → done, total
    bool m_busy = false;
    QString m_lastError;
};
