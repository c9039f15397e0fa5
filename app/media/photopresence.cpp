#include "photopresence.h"

#include "domain/photoreferences.h"
#include "photostore.h"

PhotoPresence photoPresenceOf(QByteArrayView content, const PhotoStore *photos)
{
    PhotoPresence p;
    for (const QString &sha : photoReferencesIn(content)) {
        ++p.total;
        if (photos && photos->contains(sha))
            ++p.here;
    }
    return p;
}
