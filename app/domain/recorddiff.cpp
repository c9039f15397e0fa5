#include "recorddiff.h"

#include "geodistance.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace {

QJsonObject answersOf(const QByteArray &content)
{
    return QJsonDocument::fromJson(content).object().value(QLatin1String("answers")).toObject();
}

QStringList photosIn(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &p : v.toArray())
        out << p.toString();
    return out;
}

QStringList missingFrom(const QStringList &from, const QStringList &these)
{
    QStringList out;
    for (const QString &s : these) {
        if (!from.contains(s))
            out << s;
    }
    return out;
}

} // namespace

RecordDiff diffRevisions(const FormTemplate &form, const QByteArray &before,
                         const QByteArray &after)
{
    const QJsonObject old = answersOf(before);
    const QJsonObject now = answersOf(after);
    QList<std::pair<QString, const Question *>> order;
    QSet<QString> known;
    for (const Question *q : form.allQuestions()) {
        order.append({q->id, q});
        known.insert(q->id);
    }
    QStringList unknown;
    for (const QJsonObject *side : {&old, &now}) {
        for (auto it = side->begin(); it != side->end(); ++it) {
            if (!known.contains(it.key()) && !unknown.contains(it.key()))
                unknown << it.key();
        }
    }
    std::sort(unknown.begin(), unknown.end());
    for (const QString &id : std::as_const(unknown))
        order.append({id, nullptr});

    RecordDiff diff;
    for (const auto &[id, question] : std::as_const(order)) {
        const QJsonValue a = old.value(id);
        const QJsonValue b = now.value(id);
        if (a == b)
            continue;
        const LocalizedText label = question ? question->label : LocalizedText {id, id};
        const QuestionType type = question ? question->type : QuestionType::Text;
        if (type == QuestionType::Photos) {
            const QStringList was = photosIn(a);
            const QStringList is = photosIn(b);
            PhotoChange change {id, label, missingFrom(was, is), missingFrom(is, was)};
            if (!change.added.isEmpty() || !change.removed.isEmpty())
                diff.photos << change;
        } else if (type == QuestionType::GpsPoint) {
            GpsMove move {id, label, a, b, -1};
            if (a.isObject() && b.isObject()) {
                move.metres = haversineMetres(
                    a[QLatin1String("lat")].toDouble(), a[QLatin1String("lon")].toDouble(),
                    b[QLatin1String("lat")].toDouble(), b[QLatin1String("lon")].toDouble());
            }
            diff.gps << move;
        } else {
            diff.answers << AnswerChange {id, label, a, b};
        }
    }
    return diff;
}
