#pragma once

#include <QObject>
#include <QString>

class QThread;

// Copies the write-ahead log back into the store on a thread of its own, every few seconds,
// so that a save on the UI thread never pays for a checkpoint (SQLite would otherwise run
// one inside whichever commit crosses 1,000 WAL pages: the slow tail of save times).
// Pair it with Database::open(path, Database::ManualCheckpoints).
class WalCheckpointer : public QObject {
    Q_OBJECT
public:
    explicit WalCheckpointer(const QString &databasePath, int intervalMs = 5000,
                             QObject *parent = nullptr);
    ~WalCheckpointer() override;

private:
    QThread *m_thread;
};
