#pragma once

#include "caller.h"
#include "domain/problemledger.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace qingshui::v1 {
class Op;
class PullResponse;
} // namespace qingshui::v1

// The server's change log: record revisions, review events, photo arrivals, the ledger's
// problem events and sign-offs, all numbered by one monotonic server_seq. Behind an interface so
// that an SQLite file (the embedded default) and PostgreSQL can both serve it.
class ChangeStore {
public:
    virtual ~ChangeStore() = default;

    enum class ApplyResult {
        Applied,
        Forbidden, // an op touches a record outside the caller's jurisdiction
        UnknownRecord, // a review of a record (revision) the server does not hold; a problem
                       // or a month in a state the op does not fit (the ledger)
        Invalid, // a field with a value the ledger's rules do not accept
        Failed, // a storage error
    };

    // Why a batch was refused, for the app to word in the user's language: a stable code and
    // its arguments (sent as a Refusal, common.proto). Empty code: only *why (English) says.
    struct Refusal {
        QString code;
        QStringList args;
    };

    // Applies a device's batch in one transaction, each (device, op_id) at most once. Checks
    // each op against what the store holds; if any op may not be applied nothing is stored
    // and *why says which and why (and *refusal with a code where it has one). *acked gets
    // the batch's highest client_seq. deviceClockSkewMs (the device's clock minus the
    // server's, 0: unknown) is kept with each revision of the batch.
    virtual ApplyResult
    applyBatch(const Caller &caller, const std::vector<const qingshui::v1::Op *> &ops,
               qint64 deviceClockSkewMs, qint64 *acked, QString *why, Refusal *refusal)
        = 0;

    // Fills the page of changes after sinceSeq that the caller may see, with the new cursor,
    // the fingerprint of the change there and the epoch; false with *error on a storage
    // error. Kiosks get the public feed only.
    virtual bool changesSince(const Caller &caller, qint64 sinceSeq, int pageSize,
                              qingshui::v1::PullResponse *out, QString *error)
        = 0;

    // Naming a photo's SHA-256 in a record grants nothing: a photo counts for a revision
    // (its visibility, "photos pending") once the account that pushed the revision has
    // proved it holds the bytes, by uploading all of them, or could see the blob already.

    // The blob's verified bytes are stored and the caller's account holds them (it uploaded
    // them, or may see the blob): recorded, with the size; the caller's revisions that name
    // it count it from now on, and those that now have every photo get a PhotosArrived.
    virtual bool blobProved(const Caller &caller, const QString &sha256, qint64 size,
                            QString *error)
        = 0;
    // The caller's account has proved it holds this blob.
    virtual bool blobHeldBy(const Caller &caller, const QString &sha256) = 0;
    // Some revision the caller may see counts this blob; for a kiosk, a public copy lists
    // it as a public rendition (never an original).
    virtual bool blobVisibleTo(const Caller &caller, const QString &sha256) = 0;

    // How far from where a problem was found a re-check counts as on site
    // (--recheck-radius-m; domain/problemledger.h).
    void setRecheckRadiusM(double metres) { m_recheckRadiusM = metres; }
    double recheckRadiusM() const { return m_recheckRadiusM; }

    virtual QString epoch() const = 0;
    // The last server_seq given out: a cursor beyond it belongs to another history.
    virtual qint64 lastSeq() = 0;

    // A place in the change log and the fingerprint of the change numbered there
    // (changefingerprint.h). A device sends back the mark of the furthest change it knows; a
    // restored copy — a file, a folder, a dump — numbers its lost changes again with new
    // fingerprints, so a mark of the lost history no longer matches (docs/sync.md).
    struct HistoryMark {
        qint64 serverSeq = 0;
        qint64 fingerprint = 0;
    };
    enum class HistoryCheck {
        Same, // the mark's change is this history's (or the mark is empty: serverSeq 0)
        Other, // no change there, or another one: the device re-converges
        Failed, // a storage error
    };
    virtual HistoryCheck checkHistory(const HistoryMark &mark, QString *error) = 0;
    // The last change given out, with its fingerprint ({0, 0} while the log is empty).
    virtual bool head(HistoryMark *out, QString *error) = 0;

private:
    double m_recheckRadiusM = kDefaultRecheckRadiusM;
};
