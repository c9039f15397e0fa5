#pragma once

#include "changestore.h"

#include "sqlsession.h"

#include <QString>

class BlobStore;
namespace qingshui::v1 {
class ReviewEvent;
} // namespace qingshui::v1

// The kiosks' public feed: a PUBLISH event on the approved revision of a record writes a
// redacted copy of it into public_record (replacing an earlier copy of the record).
// - Template and category are the server catalogue's (form_template at the revision's
//   template id and version), never what the device wrote into the record; a revision whose
//   template version the catalogue does not hold is refused (publish_template_unknown).
// - The answers are those of exactly the right shape (publiccontent.h): no free text, no GPS
//   points (the village is the location), no author, reviewer or device ids.
// - Each ticked photo is shown as a public rendition the server makes from the original
//   (common/publicrendition.h: caption band with its coordinates cropped, ≤ 1600 px, no
//   metadata), stored as a blob and recorded in public_photo with its original. The copy
//   names renditions only. A ticked photo the server does not hold yet, or cannot decode,
//   is refused (publish_photo_not_on_server, publish_photo_unusable).
// Runs inside the push's transaction (a refusal stores nothing; a rendition file written
// before a rollback is an unreferenced blob the next publication reuses); seq numbers the copy.
ChangeStore::ApplyResult publishRevision(SqlSession &db, BlobStore &blobs,
                                         const qingshui::v1::ReviewEvent &publish, qint64 seq,
                                         QString *why, ChangeStore::Refusal *refusal);

// The public rendition of one original photo (common/publicrendition.h), made and stored as a
// blob, *rendition its name: what a public copy lists instead of the original. Refused when
// the server does not hold the original (publish_photo_not_on_server) or cannot decode it
// (publish_photo_unusable). Used by record and problem publications alike.
ChangeStore::ApplyResult makePublicRendition(SqlSession &db, BlobStore &blobs,
                                             const QString &original, QString *rendition,
                                             QString *why, ChangeStore::Refusal *refusal);
