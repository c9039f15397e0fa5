#pragma once

#include "domain/record.h"

namespace qingshui::v1 {
class Record;
}

// Domain record <-> wire record. Sync state and server_seq are the device's own business.
void toProto(const Record &record, qingshui::v1::Record *out);
Record fromProto(const qingshui::v1::Record &in);
