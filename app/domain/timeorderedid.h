#pragma once

#include <QString>

// A new id for a row that others will index by it (records, reviews, problems, ledger events):
// a UUID of version 7 (RFC 9562), whose first 48 bits are the Unix time in milliseconds and
// whose other 74 bits are random. Ids made later sort later, so a store that inserts them in
// about the order they were made appends to its id indexes instead of writing into a random
// leaf page per row: with random (version 4) ids a 400,000-row pull ran at a third of the
// time-ordered ids' speed and wrote 4× the log (docs/benchmarks.md, issue 18). Unique as a version
// 4 id is across devices.
namespace TimeOrderedId {

// Lower-case, without braces: "0190163d-8694-739b-aea5-966c26f8ad91".
QString create();

// The same at a given time (tests).
QString createAt(qint64 unixMs);

} // namespace TimeOrderedId
