#pragma once

#include <QString>

class BlobStore;
class UploadStore;

// Deletes the uploads no chunk has reached for maxAgeMs (a tablet wiped or lost would
// otherwise hold their bytes forever): their rows, their files, and partial files no row
// names that are as old (left by a crash between steps, or by a server before schema 12).
// Returns how many files went, -1 on error (*error set).
int sweepAbandonedUploads(UploadStore &uploads, BlobStore &blobs, qint64 maxAgeMs, QString *error);
