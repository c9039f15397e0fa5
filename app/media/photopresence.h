#pragma once

#include <QByteArrayView>

class PhotoStore;

// How many of the photos a record revision refers to are on this device: what the supervisor
// sees as 照片未到齐 (n/m), and what an approval with photos missing has to confirm. Counted
// through the photo store, so a photo that arrives makes the count grow.
struct PhotoPresence {
    int here = 0; // n: stored on this device
    int total = 0; // m: referred to by the revision's answers

    bool complete() const { return here >= total; }
};

// A byte scan of the content (no JSON parse) and one file check per photo. Without a store
// nothing is on the device.
PhotoPresence photoPresenceOf(QByteArrayView content, const PhotoStore *photos);
