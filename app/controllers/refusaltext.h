#pragma once

#include "domain/enrolmentcode.h"
#include "refusal.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

struct EnrolmentResult;

// The server's refusals (and an enrolment's other outcomes) in the user's language: Chinese
// source text, translated like every other string of the app. Each code docs/sync.md lists
// ("Refusal codes") has its wording here; a code this version does not know gets a wording
// that names it, so that a newer server never leaves the user with nothing.
class RefusalText {
    Q_DECLARE_TR_FUNCTIONS(RefusalText)
public:
    static QString describe(const Refusal &refusal);
    // What went wrong joining a server: the refusal as above, or what this side found
    // (unreachable, no TLS, another certificate, the local store). Empty for a success.
    static QString describe(const EnrolmentResult &result);
    // What is wrong with a typed (or scanned) enrolment code, before any network.
    static QString describe(EnrolmentCode::ParseError error);

    // The codes worded here (the table in docs/sync.md lists the same).
    static QStringList knownCodes();
};
