#include "recordproblems.h"

#include "domain/formvalidation.h"
#include "domain/problemledger.h"
#include "domain/timeorderedid.h"
#include "storage/problemrepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

namespace {

class Words {
    Q_DECLARE_TR_FUNCTIONS(RecordProblems)
public:
    static QString storeFailed(const QString &why) { return tr("问题未能保存：%1").arg(why); }
    static QString describeIt() { return tr("请描述发现的问题"); }
};

// Every photo the record's answers hold, each once, in the form's order.
QStringList photosOf(const FormTemplate &form, const QJsonObject &answers)
{
    QStringList photos;
    for (const Question *q : form.allQuestions()) {
        if (q->type != QuestionType::Photos)
            continue;
        for (const QJsonValue &v : answers.value(q->id).toArray()) {
            if (!photos.contains(v.toString()))
                photos << v.toString();
        }
    }
    return photos;
}

// The record's first GPS answer, else fallback.
GeoFix pointOf(const FormTemplate &form, const QJsonObject &answers, const GeoFix &fallback)
{
    for (const Question *q : form.allQuestions()) {
        if (q->type != QuestionType::GpsPoint)
            continue;
        const QJsonObject o = answers.value(q->id).toObject();
        if (o.contains(QLatin1String("lat")) && o.contains(QLatin1String("lon"))) {
            GeoFix fix;
            fix.latitude = o.value(QLatin1String("lat")).toDouble();
            fix.longitude = o.value(QLatin1String("lon")).toDouble();
            fix.horizontalAccuracyM = o.value(QLatin1String("accuracy_m")).toDouble(NAN);
            fix.fixTimeMs = qint64(o.value(QLatin1String("fix_time_ms")).toDouble());
            return fix;
        }
    }
    return fallback;
}

} // namespace

QSet<QString> RecordProblems::raisedOn(const QString &recordId) const
{
    QSet<QString> questions;
    for (const Problem &p : ProblemRepository(m_db).ofRecord(recordId))
        questions.insert(p.questionId);
    return questions;
}

QVariantMap RecordProblems::failing(const FormTemplate &form, const QJsonObject &answers)
{
    QVariantMap out;
    for (const Question *q : form.allQuestions()) {
        if (q->failsStandard(answers.value(q->id)) && isRelevant(form, *q, answers))
            out.insert(q->id, q->problem->text.text());
    }
    return out;
}

bool RecordProblems::raise(const Record &record, const FormTemplate &form,
                           const QJsonObject &answers, const QString &questionId,
                           const QString &description, int severity, const GeoFix &fallbackPoint,
                           QString *error)
{
    if (description.trimmed().isEmpty()) {
        *error = Words::describeIt();
        return false;
    }
    ProblemEvent e;
    e.id = TimeOrderedId::create();
    e.problemId = TimeOrderedId::create();
    e.action = ProblemAction::Raise;
    e.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    e.comment = description.trimmed();
    e.photos = photosOf(form, answers);
    e.point = pointOf(form, answers, fallbackPoint);
    e.villageCode = record.villageCode;
    e.category = form.id;
    e.severity = qBound(1, severity, 3);
    e.recordId = record.id;
    e.questionId = questionId;
    ProblemRepository problems(m_db);
    if (!problems.record(e)) {
        *error = Words::storeFailed(problems.lastError());
        return false;
    }
    return true;
}

int RecordProblems::raiseFailing(const Record &record, const FormTemplate &form,
                                 const QJsonObject &answers, const GeoFix &fallbackPoint,
                                 QString *error)
{
    const QSet<QString> raised = raisedOn(record.id);
    int count = 0;
    for (const Question *q : form.allQuestions()) {
        if (raised.contains(q->id) || !q->failsStandard(answers.value(q->id))
            || !isRelevant(form, *q, answers))
            continue;
        // In Chinese whatever the screen shows: the ledger goes upward in Chinese.
        if (!raise(record, form, answers, q->id, q->problem->text.zh, q->problem->severity,
                   fallbackPoint, error))
            return -1;
        ++count;
    }
    return count;
}
