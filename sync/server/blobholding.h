#pragma once

#include "caller.h"

#include <string>

class BlobStore;
class ChangeStore;

// Whether a blob exists, and its size, is told only to an account that holds its bytes (it
// uploaded them) or may see it (then it holds them from now on: it could download them).
// To anyone else a stored blob looks exactly like one the server never saw. Returns the
// complete blob's size, or -1; false with *error on a storage error.
bool heldBlobSize(BlobStore &blobs, ChangeStore &changes, const Caller &caller,
                  const std::string &sha256, qint64 *size, QString *error);
