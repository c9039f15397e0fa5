#pragma once

#include "historymark.h"

#include <QSqlDatabase>
#include <QString>

// Small key/value facts about this device's sync: its id, the pull cursor, the server epoch.
class SyncMetaRepository {
public:
    explicit SyncMetaRepository(QSqlDatabase db) : m_db(db) { }

    QString value(const QString &key, const QString &fallback = {}) const;
    bool setValue(const QString &key, const QString &value);
    bool remove(const QString &key); // true when it is gone (or was never there)

    // Made once per store, on first use.
    QString deviceId();
    qint64 pullCursor() const;
    QString serverEpoch() const;
    // The furthest place in the server's history this device knows (historymark.h).
    HistoryMark historyMark() const;
    // Keeps `seen` if it is further than the stored mark (in the caller's transaction).
    bool advanceHistoryMark(const HistoryMark &seen);
    // Forgets it: the cursor starts again from the beginning of a history.
    bool clearHistoryMark();

    static constexpr const char *kDeviceId = "device_id";
    static constexpr const char *kPullCursor = "pull_cursor";
    static constexpr const char *kServerEpoch = "server_epoch";
    static constexpr const char *kHistorySeq = "history_seq";
    static constexpr const char *kHistoryFingerprint = "history_fingerprint";
    // The login: the bearer token and what the server said of its holder.
    static constexpr const char *kAuthToken = "auth_token";
    static constexpr const char *kAuthUsername = "auth_username";
    static constexpr const char *kAuthRole = "auth_role";
    static constexpr const char *kAuthScopes = "auth_scopes";
    static constexpr const char *kAuthExpiresAtMs = "auth_expires_at_ms";
    // The server this store syncs with, set by enrolment (the app's --server overrides it
    // for development and tests): HOST:PORT, the PEM certificates the channel trusts there
    // (empty: plaintext, loopback only) and the name checked in the server's certificate
    // (empty: the address's host).
    static constexpr const char *kServerAddress = "server_address";
    static constexpr const char *kServerTrustPem = "server_trust_pem";
    static constexpr const char *kServerTlsName = "server_tls_name";

private:
    QSqlDatabase m_db;
};
