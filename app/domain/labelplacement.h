#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

// Places one label (a touch target) of `size` near each anchor so that labels do not cover
// each other: they start centred on anchor + offset (above the dot, say) and are pushed apart pair
// by pair, pulled gently back to their anchors, and kept inside `bounds`. Deterministic.
QList<QRectF> placeLabels(const QList<QPointF> &anchors, const QSizeF &size, const QRectF &bounds,
                          const QPointF &offset = QPointF());

// The largest share of one label's area covered by another label (0 = none overlap).
double worstOverlap(const QList<QRectF> &labels);
