#pragma once

#include <QString>
#include <QStringList>

// The refusals the server's ledger rules give a problem event or sign-off (docs/sync.md
// "Refusal codes"): final whatever gRPC status carries them (PERMISSION_DENIED for role and
// scope, INVALID_ARGUMENT for a field, FAILED_PRECONDITION for a state), so the op is set
// aside with its code instead of blocking the outbox. Anything else (a token, the network,
// the server's own failure) fails the sync and the op stays queued.
inline bool isLedgerRefusal(const QString &code)
{
    static const QStringList codes = {QStringLiteral("problem_event_invalid"),
                                      QStringLiteral("role_cannot_act"),
                                      QStringLiteral("problem_exists"),
                                      QStringLiteral("problem_unknown"),
                                      QStringLiteral("problem_outside_scope"),
                                      QStringLiteral("problem_closed"),
                                      QStringLiteral("problem_wrong_state"),
                                      QStringLiteral("problem_not_rechecked"),
                                      QStringLiteral("deadline_in_past"),
                                      QStringLiteral("recheck_off_site"),
                                      QStringLiteral("publish_photo_not_in_problem"),
                                      QStringLiteral("publish_photo_not_on_server"),
                                      QStringLiteral("signoff_invalid"),
                                      QStringLiteral("signoff_month_invalid"),
                                      QStringLiteral("signoff_not_permitted"),
                                      QStringLiteral("signoff_already"),
                                      QStringLiteral("signoff_township_first"),
                                      QStringLiteral("signoff_open_items")};
    return codes.contains(code);
}
