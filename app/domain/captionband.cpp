#include "domain/captionband.h"

#include <QtGlobal>

namespace CaptionBand {

int fontPixelSize(const QSize &picture)
{
    return qMax(12, qMin(picture.width(), picture.height()) / 36);
}

int padding(const QSize &picture)
{
    return fontPixelSize(picture) / 2;
}

int lineHeight(const QSize &picture)
{
    return (3 * fontPixelSize(picture) + 1) / 2;
}

int height(const QSize &picture, int lines)
{
    if (lines <= 0 || picture.height() <= 0)
        return 0;
    return qMin(picture.height(), lines * lineHeight(picture) + 2 * padding(picture));
}

} // namespace CaptionBand
