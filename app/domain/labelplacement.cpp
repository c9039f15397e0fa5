#include "labelplacement.h"

#include <QtMath>

namespace {

QRectF clampInto(QRectF r, const QRectF &bounds)
{
    if (r.left() < bounds.left())
        r.moveLeft(bounds.left());
    if (r.right() > bounds.right())
        r.moveRight(bounds.right());
    if (r.top() < bounds.top())
        r.moveTop(bounds.top());
    if (r.bottom() > bounds.bottom())
        r.moveBottom(bounds.bottom());
    return r;
}

} // namespace

QList<QRectF> placeLabels(const QList<QPointF> &anchors, const QSizeF &size, const QRectF &bounds,
                          const QPointF &offset)
{
    QList<QRectF> labels;
    for (const QPointF &a : anchors) {
        QRectF r(QPointF(), size);
        r.moveCenter(a + offset);
        labels << clampInto(r, bounds);
    }
    const double gap = 4; // px kept free between labels
    for (int round = 0; round < 3000; ++round) {
        bool moved = false;
        for (int i = 0; i < labels.size(); ++i) {
            for (int j = i + 1; j < labels.size(); ++j) {
                const QRectF a = labels.at(i).adjusted(-gap, -gap, gap, gap);
                const QRectF &b = labels.at(j);
                if (!a.intersects(b))
                    continue;
                const QRectF overlap = a.intersected(b);
                QPointF d = b.center() - a.center();
                if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y()))
                    d = QPointF(0, 1 + j - i); // stacked exactly: separate vertically
                // Push along the axis that frees them with the shorter move.
                QPointF push;
                if (overlap.width() < overlap.height())
                    push = QPointF((d.x() >= 0 ? 1 : -1) * overlap.width() / 2 + 0.5, 0);
                else
                    push = QPointF(0, (d.y() >= 0 ? 1 : -1) * overlap.height() / 2 + 0.5);
                // A label held by the edge passes its share of the move to the other one.
                const QRectF ni = clampInto(labels.at(i).translated(-push), bounds);
                const QRectF nj = clampInto(labels.at(j).translated(push), bounds);
                const QPointF refusedI = labels.at(i).topLeft() - push - ni.topLeft();
                const QPointF refusedJ = labels.at(j).topLeft() + push - nj.topLeft();
                labels[i] = clampInto(ni.translated(-refusedJ), bounds);
                labels[j] = clampInto(nj.translated(-refusedI), bounds);
                moved = true;
            }
        }
        if (!moved)
            break;
        // A little pull home, so labels stay near their places while the crowd spreads;
        // the last rounds only separate, so the pull cannot keep an overlap alive.
        for (int i = 0; round < 300 && i < labels.size(); ++i) {
            const QPointF home = anchors.at(i) + offset - labels.at(i).center();
            labels[i] = clampInto(labels.at(i).translated(home * 0.02), bounds);
        }
    }
    return labels;
}

double worstOverlap(const QList<QRectF> &labels)
{
    double worst = 0;
    for (int i = 0; i < labels.size(); ++i) {
        for (int j = 0; j < labels.size(); ++j) {
            if (i == j || !labels.at(i).intersects(labels.at(j)))
                continue;
            const QRectF o = labels.at(i).intersected(labels.at(j));
            const double area = labels.at(i).width() * labels.at(i).height();
            worst = qMax(worst, o.width() * o.height() / area);
        }
    }
    return worst;
}
