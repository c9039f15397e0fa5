#pragma once

#include <QMetaType>
#include <QString>

// Why a photo did not arrive. The app words each in the user's language
// (controllers/photofetchtext); the detail is for logs.
enum class PhotoFetchFailure {
    None,
    NotOnServer, // the tablet has not uploaded it yet: tried again after the next pull
    ChecksumMismatch, // the bytes did not hash to the photo's name: thrown away
    DiskFull, // this device's storage is full: what arrived is kept for resuming
    LocalWrite, // the photo folder cannot be written
    OverBudget, // it does not fit in the photo budget without evicting a photo on screen
    Unreachable, // no answer from the server
    NeedsLogin, // the server did not take this device's token (or there is none)
    Refused, // the server refused or failed the download (detail: its words)
};

// Where the fetch of the review queue's photos stands since the last pull.
struct PhotoFetchStatus {
    int round = 0; // counts the pulls it started from (a new list each time)
    bool busy = false; // a download is under way
    bool stopped = false; // the round stopped on a failure every photo would meet
    int wanted = 0; // photos of waiting records that were missing at the last pull
    int fetched = 0; // of those, fetched since
    int failed = 0; // of those, failed (not counting notOnServer)
    int notOnServer = 0; // of those, not uploaded by the tablets yet
    PhotoFetchFailure lastFailure = PhotoFetchFailure::None; // of a background photo
    QString lastFailureDetail;
    qint64 usedBytes = 0; // fetched photos on the device
    qint64 budgetBytes = 0;
};
Q_DECLARE_METATYPE(PhotoFetchStatus)
Q_DECLARE_METATYPE(PhotoFetchFailure)
