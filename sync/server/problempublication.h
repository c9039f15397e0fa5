#pragma once

#include "changestore.h"
#include "sqlsession.h"

class BlobStore;
struct Problem;
namespace qingshui::v1 {
class ProblemEvent;
} // namespace qingshui::v1

// A closed problem's PUBLISH: the kiosks' redacted copy (PublicProblem: the village, the
// category when it is a work category's identifier, the server's raise and close times, public
// renditions of the ticked before and after photos — no names, text or coordinates) replaces an
// earlier one in public_problem, numbered with the event (seq). The renditions are made as a
// record's (publication.h, makePublicRendition) and listed in public_problem_photo, which is what
// kiosks may download. A ticked photo the pushing side never proved it holds is as if not on the
// server (publish_photo_not_on_server). Runs inside the push's transaction.
ChangeStore::ApplyResult publishProblem(SqlSession &db, BlobStore &blobs, const Problem &problem,
                                        const qingshui::v1::ProblemEvent &publish, qint64 seq,
                                        QString *why, ChangeStore::Refusal *refusal);
