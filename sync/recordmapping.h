#pragma once

#include "domain/record.h"
#include "domain/review.h"

namespace qingshui::v1 {
class Record;
class ReviewEvent;
} // namespace qingshui::v1

// Domain <-> wire. Sync state and server_seq are the device's own business; a record goes
// out with the revision it was edited from and the photos its answers refer to.
void toProto(const Record &record, qingshui::v1::Record *out);
Record fromProto(const qingshui::v1::Record &in);
void toProto(const ReviewEvent &event, qingshui::v1::ReviewEvent *out);
ReviewEvent fromProto(const qingshui::v1::ReviewEvent &in);
