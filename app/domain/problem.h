#pragma once

#include "geofix.h"

#include <QList>
#include <QString>
#include <QStringList>

// The rectification ledger (整改台账): a problem found on an inspection is assigned to a
// responsible unit with a deadline, fixed, re-checked on site and closed (销号). A problem is
// the fold of its events in server order (problemledger.h); events are append-only. The
// numbers are the wire's (proto/qingshui/v1/ledger.proto).

enum class ProblemAction {
    Raise = 1,
    Assign = 2,
    Progress = 3,
    ReportFix = 4,
    Recheck = 5,
    Close = 6,
    Return = 7,
    Publish = 8
};

enum class ProblemState {
    ToFix = 1, // 待整改
    Fixing = 2, // 整改中
    ToRecheck = 3, // 待复查
    Closed = 4, // 已销号
    Rework = 5 // 退回重改
};

enum class ResponsibleKind { None = 0, Township = 1, Village = 2, Department = 3 };

// 1 一般, 2 较重, 3 严重
enum class ProblemSeverity { Minor = 1, Serious = 2, Critical = 3 };

struct ProblemEvent {
    QString id; // UUID, made on the device
    QString problemId;
    ProblemAction action = ProblemAction::Raise;
    qint64 baseServerSeq = 0; // the problem's latest event the device had seen
    qint64 createdAtMs = 0; // device clock
    QString author; // set by the server
    QString comment; // Raise: the description
    QStringList photos; // SHA-256 (lowercase hex)
    GeoFix point; // invalid: none
    // Raise (Assign: a village code moves the problem)
    QString villageCode;
    QString category;
    int severity = 1;
    QString recordId;
    QString questionId;
    // Assign
    ResponsibleKind responsibleKind = ResponsibleKind::None;
    QString responsibleCode;
    QString responsibleName;
    qint64 deadlineMs = 0;
    // Recheck
    bool recheckPassed = false;
    QString offSiteReason;
    // Publish
    QStringList publishedBefore;
    QStringList publishedAfter;
    // Set by the server
    QString ledgerMonth; // YYYY-MM
    qint64 conflictWithServerSeq = 0;
    qint64 receivedAtMs = 0;
    qint64 serverSeq = 0; // 0 until the server has numbered it
};

// A problem as its events so far make it.
struct Problem {
    QString id;
    QString villageCode;
    QString category;
    int severity = 1;
    QString description;
    QString recordId;
    QString questionId;
    GeoFix point; // where it was found
    QStringList beforePhotos; // the Raise's
    QStringList afterPhotos; // every fix report's
    ProblemState state = ProblemState::ToFix;
    bool recheckPassed = false; // a passed re-check since the last fix report
    ResponsibleKind responsibleKind = ResponsibleKind::None;
    QString responsibleCode;
    QString responsibleName;
    qint64 deadlineMs = 0; // 0: not assigned yet
    QString raisedBy;
    qint64 raisedAtMs = 0; // server clock (the device's until it has synced)
    qint64 closedAtMs = 0;
    QString ledgerMonth; // the month it was raised in the ledger
    qint64 lastServerSeq = 0; // the latest event's (what a device's next event is based on)
    int conflicts = 0; // events that overlapped another's
    bool published = false;
    QList<ProblemEvent> history; // in server order

    bool assigned() const { return responsibleKind != ResponsibleKind::None; }
    bool open() const { return state != ProblemState::Closed; }
    bool overdueAt(qint64 nowMs) const { return open() && deadlineMs > 0 && nowMs > deadlineMs; }
};

enum class SignoffLevel { Township = 1, County = 2 };

// A township's monthly ledger signed off at one level; the month is then frozen there.
struct LedgerSignoff {
    QString id; // UUID, made on the device
    QString townshipCode; // 9 digits
    QString month; // YYYY-MM
    SignoffLevel level = SignoffLevel::Township;
    QStringList acknowledgedOpenProblemIds;
    QString comment;
    qint64 createdAtMs = 0;
    QString signer; // set by the server
    qint64 receivedAtMs = 0; // set by the server
    qint64 serverSeq = 0;
};
