#pragma once

#include "domain/formtemplate.h"
#include "domain/geofix.h"
#include "domain/record.h"
#include "domain/review.h"
#include "formsection.h"
#include "media/photostore.h"

#include <QDateTime>
#include <QImage>
#include <QJsonObject>
#include <QObject>
#include <QQmlEngine>
#include <QSqlDatabase>
#include <QVariantMap>
#include <functional>
#include <optional>

// One record's form, rendered by the dynamic QML form from its template. Every answer is
// written to the store the moment it is given, so a killed app loses at most the answer
// being typed; submit validates, then stores and queues the record in one transaction.
class GpsCapture;
class PositionStatus;
class RecordProblems;

class FormController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
    Q_PROPERTY(QString recordId READ recordId NOTIFY opened)
    Q_PROPERTY(QString title READ title NOTIFY opened)
    Q_PROPERTY(QString villageName READ villageName NOTIFY opened)
    Q_PROPERTY(QString partnerDistrict READ partnerDistrict NOTIFY opened)
    Q_PROPERTY(bool editable READ editable NOTIFY statusChanged)
    // Only a draft that never left the device may be deleted.
    Q_PROPERTY(bool discardable READ discardable NOTIFY statusChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusChanged)
    Q_PROPERTY(QList<FormSection> sections READ sections NOTIFY opened)
    // answers, relevant, issues and questionComments stay maps keyed by question id: their
    // keys are whatever the template names, and each editor reads its own entry by id
    // (form.answers[question.id]); answers' values are as free-form as the question types.
    Q_PROPERTY(QVariantMap answers READ answers NOTIFY answersChanged)
    Q_PROPERTY(QVariantMap relevant READ relevant NOTIFY answersChanged)
    Q_PROPERTY(QVariantMap issues READ issues NOTIFY issuesChanged)
    Q_PROPERTY(double gpsAccuracyM READ gpsAccuracyM NOTIFY opened)
    Q_PROPERTY(int gpsAveragingFixes READ gpsAveragingFixes NOTIFY opened)
    Q_PROPERTY(bool missingGps READ missingGps NOTIFY answersChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY issuesChanged)
    // The supervisor's return this record has to answer (ReturnNoteRepository), if any.
    Q_PROPERTY(bool returned READ returned NOTIFY returnNoteChanged)
    Q_PROPERTY(QString returnComment READ returnComment NOTIFY returnNoteChanged)
    Q_PROPERTY(QString returnReviewer READ returnReviewer NOTIFY returnNoteChanged)
    Q_PROPERTY(QDateTime returnedAt READ returnedAt NOTIFY returnNoteChanged)
    // question id -> the supervisor's comment on it
    Q_PROPERTY(QVariantMap questionComments READ questionComments NOTIFY returnNoteChanged)
    // The rectification ledger: question id -> the standard's words, for each shown answer
    // that fails a standard the template marks (a problem is raised for it at submission);
    // question id -> true for each answer a problem was raised on already.
    Q_PROPERTY(QVariantMap failing READ failing NOTIFY answersChanged)
    Q_PROPERTY(QVariantMap raised READ raised NOTIFY problemsChanged)
public:
    FormController(QSqlDatabase db, const QString &deviceId, GpsCapture *gps, PhotoStore *photos,
                   PositionStatus *position, QObject *parent = nullptr);

    // Starts a new draft from the newest version of a template, stored at once.
    Q_INVOKABLE bool startNew(const QString &templateId, const QString &villageCode);
    // Opens a stored record with the template version it was filled with.
    Q_INVOKABLE bool open(const QString &recordId);

    // Answers a question (or clears it with undefined/null) and stores the draft.
    Q_INVOKABLE bool setAnswer(const QString &questionId, const QVariant &value);
    // Answers a GPS question with the point the GPS capture just took.
    Q_INVOKABLE bool answerWithCapturedPoint(const QString &questionId);
    // Imports a photo (a local path or file: URL) into the photo store, stamped with time,
    // position and village, and adds it to the question. "" on success, else why not.
    Q_INVOKABLE QString addPhotoFromFile(const QString &questionId, const QString &pathOrUrl);
    // Adds a camera frame the same way. "" on success, else why not.
    QString addPhotoFromImage(const QString &questionId, const QImage &image);
    Q_INVOKABLE bool removePhoto(const QString &questionId, const QString &sha256);
    // A file: URL of the photo's thumbnail, for Image.source.
    Q_INVOKABLE QString thumbnailUrl(const QString &sha256) const;
    Q_INVOKABLE QString photoUrl(const QString &sha256) const;

    // Checks every rule; the issues show beside their questions. Returns how many.
    Q_INVOKABLE int validate();
    // The language changed: issues on screen are worded again.
    void retranslate();
    // Validates, then marks the record submitted and queues it for sync. "" on success.
    Q_INVOKABLE QString submit();
    // Deletes the draft (only a draft that never left the device).
    Q_INVOKABLE bool discard();
    // Raises a problem in the ledger on this record's answer (questionId "" : the record as a
    // whole), stored and queued at once. "" on success, else why not.
    Q_INVOKABLE QString raiseProblem(const QString &questionId, const QString &description,
                                     int severity);

    QString recordId() const { return m_record.id; }
    QString title() const { return m_template.title.text(); }
    QString villageName() const { return m_villageName; }
    QString partnerDistrict() const { return m_partnerDistrict; }
    bool editable() const;
    bool discardable() const { return editable() && m_record.serverSeq == 0; }
    QString statusText() const;
    QList<FormSection> sections() const;
    QVariantMap answers() const { return m_answersForQml; }
    QVariantMap relevant() const { return m_relevantForQml; }
    QVariantMap issues() const { return m_issues; }
    double gpsAccuracyM() const { return m_template.gpsAccuracyM; }
    int gpsAveragingFixes() const { return m_template.gpsAveragingFixes; }
    bool missingGps() const;
    QString lastError() const { return m_error; }
    bool returned() const { return m_returnNote.has_value(); }
    QString returnComment() const { return m_returnNote ? m_returnNote->comment : QString(); }
    QString returnReviewer() const { return m_returnNote ? m_returnNote->reviewer : QString(); }
    QDateTime returnedAt() const;
    QVariantMap questionComments() const;
    QVariantMap failing() const;
    QVariantMap raised() const;

    const Record &record() const { return m_record; }

signals:
    void opened();
    void answersChanged();
    void issuesChanged();
    void statusChanged();
    void submitted(const QString &recordId);
    void saved(const QString &recordId);
    void discarded(const QString &recordId);
    void returnNoteChanged();
    void problemsChanged();

private:
    bool load(const Record &record, const FormTemplate &formTemplate);
    bool persist();
    void answersUpdated(); // refreshes what QML reads and tells it
    void loadReturnNote();

    GeoFix captionFix() const;
    RecordProblems recordProblems() const;
    // Checks the question can take one more photo, imports with `import`, appends the hash.
    QString addPhoto(const QString &questionId,
                     const std::function<std::optional<StoredPhoto>(const PhotoCaption &,
                                                                    PhotoProblem *)> &import);

    QSqlDatabase m_db;
    QString m_deviceId;
    GpsCapture *m_gps;
    PhotoStore *m_photos;
    PositionStatus *m_position;
    Record m_record;
    FormTemplate m_template;
    QJsonObject m_answers;
    QVariantMap m_answersForQml; // converted once per change, not once per binding
    QVariantMap m_relevantForQml;
    QVariantMap m_issues;
    QString m_villageName;
    QString m_partnerDistrict;
    QString m_error;
    std::optional<ReviewEvent> m_returnNote;
};
