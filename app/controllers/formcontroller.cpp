#include "formcontroller.h"

#include "controllers/photoproblemtext.h"
#include "controllers/placenames.h"
#include "controllers/positionstatus.h"
#include "controllers/recordproblems.h"
#include "controllers/validationtext.h"
#include "domain/formvalidation.h"
#include "domain/timeorderedid.h"
#include "media/photostore.h"
#include "models/liststatustext.h"
#include "models/recordlistmodel.h"
#include "positioning/gpscapture.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"
#include "storage/returnnote.h"
#include "storage/templaterepository.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace {

QJsonObject fixToJson(const GeoFix &fix)
{
    auto number = [](double v) { return std::isnan(v) ? QJsonValue() : QJsonValue(v); };
    QJsonObject o {{QStringLiteral("lat"), fix.latitude},
                   {QStringLiteral("lon"), fix.longitude},
                   {QStringLiteral("alt"), number(fix.altitude)},
                   {QStringLiteral("accuracy_m"), number(fix.horizontalAccuracyM)},
                   {QStringLiteral("fix_time_ms"), fix.fixTimeMs},
                   {QStringLiteral("source"), fix.source},
                   {QStringLiteral("fixes_averaged"), fix.fixesAveraged}};
    if (!fix.overrideReason.isEmpty())
        o.insert(QStringLiteral("override_reason"), fix.overrideReason);
    return o;
}

GeoFix fixFromJson(const QJsonObject &o)
{
    GeoFix fix;
    if (!o.contains(QLatin1String("lat")) || !o.contains(QLatin1String("lon")))
        return fix;
    fix.latitude = o.value(QLatin1String("lat")).toDouble();
    fix.longitude = o.value(QLatin1String("lon")).toDouble();
    fix.horizontalAccuracyM = o.value(QLatin1String("accuracy_m")).toDouble(NAN);
    return fix;
}

FormQuestion questionForQml(const Question &q)
{
    FormQuestion out;
    out.id = q.id;
    out.type = questionTypeName(q.type);
    out.label = q.label.text();
    out.hint = q.hint.text();
    out.required = q.required;
    out.unit = q.unit.text();
    out.min = q.min ? QVariant(*q.min) : QVariant();
    out.max = q.max ? QVariant(*q.max) : QVariant();
    out.integer = q.integer;
    for (const ChoiceOption &o : q.options)
        out.options << ChoiceLine {o.value, o.label.text()};
    out.multiline = q.multiline;
    out.maxLength = q.maxLength;
    out.minPhotos = q.minPhotos;
    out.maxPhotos = q.maxPhotos;
    return out;
}

} // namespace

FormController::FormController(QSqlDatabase db, const QString &deviceId, GpsCapture *gps,
                               PhotoStore *photos, PositionStatus *position, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_deviceId(deviceId)
    , m_gps(gps)
    , m_photos(photos)
    , m_position(position)
{
}

bool FormController::startNew(const QString &templateId, const QString &villageCode)
{
    const auto formTemplate = TemplateRepository(m_db).latest(templateId);
    if (!formTemplate) {
        m_error = tr("没有这个检查表：%1").arg(templateId);
        emit issuesChanged();
        return false;
    }
    ReferenceDataRepository reference(m_db);
    if (!reference.village(villageCode)) {
        m_error = tr("请选择村庄");
        emit issuesChanged();
        return false;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Record r;
    r.id = TimeOrderedId::create();
    r.templateId = formTemplate->id;
    r.templateVersion = formTemplate->version;
    r.category = formTemplate->category;
    r.villageCode = villageCode;
    r.createdAtMs = r.updatedAtMs = now;
    r.content = QJsonDocument(QJsonObject {{QStringLiteral("answers"), QJsonObject()}})
                    .toJson(QJsonDocument::Compact);
    r.authorDeviceId = m_deviceId;
    RecordRepository records(m_db);
    if (!records.saveDraft(r)) {
        m_error = tr("保存失败：%1").arg(records.lastError());
        emit issuesChanged();
        return false;
    }
    reference.markVillageUsed(villageCode, now);
    return load(r, *formTemplate);
}

bool FormController::open(const QString &recordId)
{
    const auto record = RecordRepository(m_db).find(recordId);
    if (!record) {
        m_error = tr("找不到这条记录");
        emit issuesChanged();
        return false;
    }
    const auto formTemplate
        = TemplateRepository(m_db).find(record->templateId, record->templateVersion);
    if (!formTemplate) {
        m_error = tr("缺少检查表 %1 第 %2 版").arg(record->templateId).arg(record->templateVersion);
        emit issuesChanged();
        return false;
    }
    return load(*record, *formTemplate);
}

bool FormController::load(const Record &record, const FormTemplate &formTemplate)
{
    m_record = record;
    m_template = formTemplate;
    m_answers = QJsonDocument::fromJson(record.content)
                    .object()
                    .value(QLatin1String("answers"))
                    .toObject();
    m_issues.clear();
    m_error.clear();
    ReferenceDataRepository reference(m_db);
    const auto village = reference.village(record.villageCode);
    m_villageName = village ? village->name : record.villageCode;
    const auto unit = reference.unitOfVillage(record.villageCode);
    m_partnerDistrict = unit ? PlaceNames::place(unit->partnerDistrictName) : QString();
    loadReturnNote();
    emit opened();
    emit problemsChanged();
    answersUpdated();
    emit issuesChanged();
    emit statusChanged();
    return true;
}

bool FormController::editable() const
{
    // A returned record is edited in place; its first answer makes it a draft again.
    return !m_record.id.isEmpty()
        && (m_record.status == RecordStatus::Draft || m_record.status == RecordStatus::Returned);
}

void FormController::loadReturnNote()
{
    const bool had = m_returnNote.has_value();
    m_returnNote = m_record.id.isEmpty() ? std::nullopt
                                         : ReturnNoteRepository(m_db).returnNoteFor(m_record.id);
    if (had || m_returnNote)
        emit returnNoteChanged();
}

QDateTime FormController::returnedAt() const
{
    return m_returnNote ? QDateTime::fromMSecsSinceEpoch(m_returnNote->createdAtMs) : QDateTime();
}

QVariantMap FormController::questionComments() const
{
    QVariantMap out;
    if (m_returnNote) {
        for (const QuestionComment &c : m_returnNote->questionComments)
            out.insert(c.questionId, c.comment);
    }
    return out;
}

QString FormController::statusText() const
{
    return ListStatusText::of(m_record.listStatus());
}

QList<FormSection> FormController::sections() const
{
    QList<FormSection> out;
    for (const Section &s : m_template.sections) {
        FormSection section {s.id, s.title.text(), {}};
        for (const Question &q : s.questions)
            section.questions << questionForQml(q);
        out << section;
    }
    return out;
}

void FormController::answersUpdated()
{
    m_answersForQml = m_answers.toVariantMap();
    m_relevantForQml.clear();
    for (const Question *q : m_template.allQuestions())
        m_relevantForQml.insert(q->id, isRelevant(m_template, *q, m_answers));
    emit answersChanged();
}

bool FormController::missingGps() const
{
    for (const Question *q : m_template.allQuestions()) {
        if (q->type == QuestionType::GpsPoint && isRelevant(m_template, *q, m_answers)
            && !m_answers.value(q->id).isObject())
            return true;
    }
    return false;
}

bool FormController::setAnswer(const QString &questionId, const QVariant &value)
{
    if (!editable() || !m_template.question(questionId))
        return false;
    const QJsonValue json = QJsonValue::fromVariant(value);
    if (json.isNull() || json.isUndefined() || (json.isString() && json.toString().isEmpty())
        || (json.isArray() && json.toArray().isEmpty()))
        m_answers.remove(questionId);
    else
        m_answers.insert(questionId, json);
    const bool ok = persist();
    answersUpdated();
    if (!m_issues.isEmpty())
        validate(); // once shown, issues follow the answers
    return ok;
}

bool FormController::persist()
{
    QJsonObject root = QJsonDocument::fromJson(m_record.content).object();
    root.insert(QStringLiteral("answers"), m_answers);
    m_record.content = QJsonDocument(root).toJson(QJsonDocument::Compact);
    m_record.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
    RecordRepository records(m_db);
    if (!records.saveDraft(m_record)) {
        m_error = tr("保存失败：%1").arg(records.lastError());
        emit issuesChanged();
        return false;
    }
    emit saved(m_record.id);
    return true;
}

void FormController::retranslate()
{
    if (!m_issues.isEmpty())
        validate();
}

int FormController::validate()
{
    m_issues.clear();
    for (const ValidationIssue &issue : validateAnswers(m_template, m_answers)) {
        const Question *question = m_template.question(issue.questionId);
        if (question && !m_issues.contains(issue.questionId))
            m_issues.insert(issue.questionId, ValidationText::describe(issue, *question));
    }
    emit issuesChanged();
    return int(m_issues.size());
}

RecordProblems FormController::recordProblems() const
{
    return RecordProblems(m_db);
}

QVariantMap FormController::failing() const
{
    return RecordProblems::failing(m_template, m_answers);
}

QVariantMap FormController::raised() const
{
    QVariantMap out;
    if (m_record.id.isEmpty())
        return out;
    for (const QString &questionId : recordProblems().raisedOn(m_record.id))
        out.insert(questionId, true);
    return out;
}

QString FormController::raiseProblem(const QString &questionId, const QString &description,
                                     int severity)
{
    if (m_record.id.isEmpty())
        return tr("没有打开的记录");
    QString error;
    if (!recordProblems().raise(m_record, m_template, m_answers, questionId, description, severity,
                                m_position ? m_position->lastFix() : GeoFix(), &error))
        return error;
    emit problemsChanged();
    return {};
}

QString FormController::submit()
{
    if (!editable())
        return tr("这条记录已提交，不能再改");
    if (const int n = validate(); n > 0)
        return tr("还有 %1 处需要填写或更正").arg(n);
    // The answers that fail a marked standard raise their problems first: raising is
    // idempotent per question, so a submission cut short here raises nothing twice.
    QString problemError;
    const int raisedNow = recordProblems().raiseFailing(
        m_record, m_template, m_answers, m_position ? m_position->lastFix() : GeoFix(),
        &problemError);
    if (raisedNow < 0)
        return problemError;
    if (raisedNow > 0)
        emit problemsChanged();
    RecordRepository records(m_db);
    Record r = m_record;
    r.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
    if (!records.submit(r, TimeOrderedId::create()))
        return tr("提交失败：%1").arg(records.lastError());
    m_record = *records.find(r.id);
    loadReturnNote(); // resubmitted: the return is answered
    emit statusChanged();
    emit submitted(m_record.id);
    return {};
}

bool FormController::discard()
{
    // A draft edited from a revision the server holds is not the inspector's to delete.
    if (m_record.status != RecordStatus::Draft || !discardable())
        return false;
    if (!RecordRepository(m_db).discardDraft(m_record.id))
        return false;
    emit discarded(m_record.id);
    m_record = Record();
    loadReturnNote();
    emit statusChanged();
    return true;
}

bool FormController::answerWithCapturedPoint(const QString &questionId)
{
    const Question *q = m_template.question(questionId);
    if (!m_gps || !m_gps->hasResult() || !q || q->type != QuestionType::GpsPoint)
        return false;
    return setAnswer(questionId, fixToJson(m_gps->result()).toVariantMap());
}

GeoFix FormController::captionFix() const
{
    // The record's own point if it has one, else where the tablet is now.
    for (const Question *q : m_template.allQuestions()) {
        if (q->type == QuestionType::GpsPoint) {
            const GeoFix fix = fixFromJson(m_answers.value(q->id).toObject());
            if (fix.isValid())
                return fix;
        }
    }
    return m_position ? m_position->lastFix() : GeoFix();
}

QString FormController::addPhoto(
    const QString &questionId,
    const std::function<std::optional<StoredPhoto>(const PhotoCaption &, PhotoProblem *)> &import)
{
    const Question *q = m_template.question(questionId);
    if (!editable() || !m_photos || !q || q->type != QuestionType::Photos)
        return tr("不能在这里添加照片");
    QJsonArray photos = m_answers.value(questionId).toArray();
    if (q->maxPhotos > 0 && photos.size() >= q->maxPhotos)
        return tr("最多 %1 张照片").arg(q->maxPhotos);
    PhotoProblem problem;
    const auto stored = import(
        PhotoCaption {QDateTime::currentDateTime(), captionFix(), m_villageName}, &problem);
    if (!stored)
        return PhotoProblemText::describe(problem);
    if (!photos.contains(stored->sha256))
        photos.append(stored->sha256);
    return setAnswer(questionId, photos.toVariantList()) ? QString() : m_error;
}

QString FormController::addPhotoFromFile(const QString &questionId, const QString &pathOrUrl)
{
    const QUrl url(pathOrUrl);
    const QString path = url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
    return addPhoto(questionId, [&](const PhotoCaption &caption, PhotoProblem *error) {
        return m_photos->importFile(path, caption, error);
    });
}

QString FormController::addPhotoFromImage(const QString &questionId, const QImage &image)
{
    return addPhoto(questionId, [&](const PhotoCaption &caption, PhotoProblem *error) {
        return m_photos->importImage(image, caption, error);
    });
}

bool FormController::removePhoto(const QString &questionId, const QString &sha256)
{
    QJsonArray photos = m_answers.value(questionId).toArray();
    for (int i = 0; i < photos.size(); ++i) {
        if (photos.at(i).toString() == sha256) {
            photos.removeAt(i);
            // The file stays: it is content-addressed and may belong to another record too.
            return setAnswer(questionId, photos.toVariantList());
        }
    }
    return false;
}

QString FormController::thumbnailUrl(const QString &sha256) const
{
    return m_photos ? QUrl::fromLocalFile(m_photos->thumbnailPathFor(sha256)).toString()
                    : QString();
}

QString FormController::photoUrl(const QString &sha256) const
{
    return m_photos ? QUrl::fromLocalFile(m_photos->pathFor(sha256)).toString() : QString();
}
