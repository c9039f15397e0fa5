#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

// Why a sync failed when the server gave no refusal of its own: the codes the sync log
// stores beside a server's refusal codes (docs/sync.md), worded by SyncErrorText.
namespace SyncErrorCode {
constexpr const char *kNoServer = "no_server"; // no server enrolled or given
constexpr const char *kNotLoggedIn = "not_logged_in"; // no token, or one the server refused
constexpr const char *kUnreachable = "unreachable"; // no answer at the network level
constexpr const char *kLocalStore = "local_store"; // the device's store failed; args: detail
constexpr const char *kPhotosFailed = "photos_failed"; // photos still queued; args: how many
constexpr const char *kTimeout = "timeout"; // the server did not answer in time
// The server failed a call without a refusal of its own (an older server, or a failure on the
// way); args: the gRPC status code, the status's message (English, for the technical reader).
constexpr const char *kServerFailed = "server_failed";
constexpr const char *kPartialAck = "partial_ack"; // args: acknowledged, sent
constexpr const char *kBadCatalogue = "bad_catalogue"; // a template the server sent; args: detail
constexpr const char *kPhotoFileMissing = "photo_file_missing"; // args: photo id (SHA-256)
constexpr const char *kPhotoFileUnreadable = "photo_file_unreadable"; // args: photo id
constexpr const char *kPhotoFileChanged = "photo_file_changed"; // no longer its SHA-256; args: id
constexpr const char *kUploadIncomplete = "upload_incomplete"; // retries used up; args: photo id
constexpr const char *kLoginNotStored = "login_not_stored"; // the token could not be kept
// Records or decisions of another account wait on this device (they go out under it only);
// args: that account, records, decisions
constexpr const char *kWorkOfAnotherAccount = "work_of_another_account";
} // namespace SyncErrorCode

// What one sync (or one count of what waits) tells the engine when it ends.
struct SyncReport {
    enum Outcome {
        Succeeded,
        NoServer, // none configured: nothing to retry until there is one
        Unreachable, // no answer at the network level: the device is offline
        Failed, // the server answered with a failure, or the local store did
    };
    Outcome outcome = Succeeded;
    int pushed = 0;
    int pulled = 0;
    int pendingCount = 0; // outbox entries still queued
    qint64 pendingPhotoBytes = 0; // bytes of the photos those entries refer to
    bool catalogChanged = false; // new checklist template versions or reference regions arrived
    bool publicPhotosChanged = false; // read-only: public photos were fetched or removed
    int photosSent = 0; // photos the server now holds that were queued here
    int photosReceived = 0; // photos fetched into this device
    QString serverAddress; // the server the sync went to (empty: none)
    QString error; // what happened, in English, for logs (the user reads errorCode's wording)
    // Why it failed, as the sync log keeps it: a server's refusal or a SyncErrorCode.
    QString errorCode;
    QStringList errorArgs;
};
Q_DECLARE_METATYPE(SyncReport)
