#pragma once

#include <QSize>

// The dark band at the bottom of a photo into which the tablet stamps its caption (village,
// time, position). Its height is a function of the picture's size and the number of lines
// only, never of a font's metrics: the tablet stamps into exactly this band, and the server
// crops the largest band the stamp can make (kMaxLines) when it makes a public rendition,
// without guessing where the picture ends.
namespace CaptionBand {

// photoCaptionLines gives the village and "time  position": the stamp never draws more.
constexpr int kMaxLines = 2;

// The caption's font size in pixels: a 36th of the short edge, at least 12.
int fontPixelSize(const QSize &picture);
// Above and below the lines, and left of the text.
int padding(const QSize &picture);
// Each line's slot: one and a half times the font size (taller than any font's line
// spacing at that size, the CJK fonts' included, so the text fits without measuring).
int lineHeight(const QSize &picture);
// lines × lineHeight + 2 × padding, at most the picture's height (0 lines: 0).
int height(const QSize &picture, int lines);

} // namespace CaptionBand
