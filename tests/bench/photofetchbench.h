#pragma once

#include <QString>

class ServerProcess;

// Part of suite `sync` (issue 13): a supervisor's photos.
// supervisor_photo_fetch_mb_per_s: an inspector pushes 50 records with a 2 MB photo each;
// an empty supervisor store pulls, then its PhotoFetcher brings the photos, timed from the
// end of the pull until the last is on disk (verified, fsynced, named).
// first_photo_visible_ms: the real RecordViewPage in an offscreen window opens a record whose
// 2 MB photo is not on the device, timed until the photo's Image is Ready and a frame with it
// is swapped; the median of 9 such records (each photo new), the channel warmed first.
bool runPhotoFetchBench(ServerProcess &server, const QString &workDir);
