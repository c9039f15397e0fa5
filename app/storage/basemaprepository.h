#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

// A basemap package as this device knows it (schema 17: basemap).
struct StoredBasemap {
    QString sha256;
    qint64 serverId = 0; // 0: imported by hand
    QString name;
    QString scopeCode;
    QString datum;
    qint64 sizeBytes = 0;
    qint64 addedAtMs = 0; // registered on the server (or imported here): the newer wins
    bool offered = false; // the server's last list names it
    qint64 installedAtMs = 0; // 0: not on the device yet
    QString failure; // the last failed fetch's code ('' : none), with its args
    QStringList failureArgs;

    bool installed() const { return installedAtMs > 0; }
    bool imported() const { return serverId == 0; }
};

// The basemap packages the server offers this device, and those installed: which is current,
// and which files a newer one makes obsolete. Every write is one transaction. Files are the
// caller's: a method that retires packages names the files to delete once it committed.
class BasemapRepository {
public:
    explicit BasemapRepository(QSqlDatabase db) : m_db(db) { }

    static constexpr const char *kAllowMeteredKey = "basemap_allow_metered";

    // The server's whole list for this device (the reference-data reply): what it names is
    // offered, the rest no longer is; a package never installed and no longer offered is
    // forgotten. Installed packages stay until a newer one is installed. The same list as
    // stored writes nothing.
    bool storeOffered(const QList<StoredBasemap> &packages);
    // The store holds exactly this list as offered: storing it would change nothing.
    bool offersExactly(const QList<StoredBasemap> &packages) const;
    // Offered, not installed: what to fetch, newest first.
    QList<StoredBasemap> toFetch() const;
    // Everything known, newest first.
    QList<StoredBasemap> all() const;
    // The installed package added last (server or imported), if any.
    std::optional<StoredBasemap> current() const;

    // The verified file of an offered package is in place: it is installed, and the server's
    // packages no longer offered (superseded or removed) that it outdates are retired, in
    // one transaction. *obsolete gets the SHA-256s whose files may now be deleted.
    bool markInstalled(const QString &sha256, QStringList *obsolete);
    // A file imported by hand, copied into place already: installed as the newest, replacing
    // the file imported before (named in *obsolete).
    bool recordImported(const StoredBasemap &package, QStringList *obsolete);
    bool setFailure(const QString &sha256, const QString &code, const QStringList &args);

    bool allowMetered() const;
    bool setAllowMetered(bool allow);

    QString lastError() const { return m_error; }

private:
    QList<StoredBasemap> select(const QString &where) const;
    // Deletes the installed rows the current package outdates; their SHA-256s into *obsolete.
    bool retireOutdated(const QString &keep, QStringList *obsolete);

    QSqlDatabase m_db;
    mutable QString m_error;
};
