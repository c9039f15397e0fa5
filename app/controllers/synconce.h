#pragma once

#include <QCoreApplication>
#include <QString>

class QTextStream;
struct SyncReport;

// `qingshui --sync-once`: one sync of a store exactly as the app's sync engine runs it (its
// SyncWorker: the store's server and token, read-only for a kiosk, written to the sync log),
// without a window — for kiosks on a timer, operators and tests. One summary line on `out`
// (what went up and down); on failure the reason on `err`, in the user's language.
class SyncOnce {
    Q_DECLARE_TR_FUNCTIONS(SyncOnce)
public:
    // Exit codes.
    static constexpr int kSynced = 0;
    static constexpr int kFailed = 1; // the server refused, or the store failed
    static constexpr int kOffline = 3; // no server named, or none answered: try again later

    static int run(const QString &databasePath, const QString &overrideAddress, bool readOnly,
                   QTextStream &out, QTextStream &err);
    // The summary line of a finished sync.
    static QString summary(const SyncReport &report, qint64 durationMs);
};
