#pragma once

#include "domain/problem.h"
#include "media/photostore.h"
#include "problemdetail.h"
#include "problemline.h"

#include <QImage>
#include <QObject>
#include <QQmlEngine>
#include <QSqlDatabase>
#include <functional>
#include <optional>

class PhotoFetcher;
class PositionStatus;

// The rectification ledger on a tablet or a supervisor's desk: the inspector's problems to fix
// and to re-check (overdue first, then by deadline, with the way there from the current fix),
// one problem's detail and history, and the steps this account may take on it — each stored
// and queued at once (ProblemRepository) and sent with the next sync, exactly once. Every step
// is first checked by the ledger's own rules (ProblemLedger::check) so that the user reads
// why at once; the server checks again and decides.
class LedgerController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
    Q_PROPERTY(QList<ProblemLine> toFix READ toFix NOTIFY listsChanged)
    Q_PROPERTY(QList<ProblemLine> toRecheck READ toRecheck NOTIFY listsChanged)
    Q_PROPERTY(int openCount READ openCount NOTIFY listsChanged)
    Q_PROPERTY(int overdueCount READ overdueCount NOTIFY listsChanged)
    Q_PROPERTY(ProblemDetail current READ current NOTIFY currentChanged)
    // The photos taken for the next step on the current problem (a fix, a re-check)
    Q_PROPERTY(QStringList evidencePhotos READ evidencePhotos NOTIFY evidenceChanged)
    // Metres from the tablet's fix to where the current problem was found (-1: unknown),
    // and the distance a re-check counts as on site within.
    Q_PROPERTY(double distanceToCurrent READ distanceToCurrent NOTIFY wayChanged)
    Q_PROPERTY(QString wayToCurrent READ wayToCurrent NOTIFY wayChanged)
    Q_PROPERTY(double recheckRadiusM READ recheckRadiusM CONSTANT)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
public:
    LedgerController(QSqlDatabase db, PhotoStore *photos, PositionStatus *position,
                     QObject *parent = nullptr);

    // A supervisor's desk fetches the photos of the problem it opens (a tablet has its own).
    void setPhotoFetcher(PhotoFetcher *fetcher);

    Q_INVOKABLE void reload();
    Q_INVOKABLE bool open(const QString &problemId);

    // A supervisor reviewing a record raises a problem on it (questionId "": the record).
    Q_INVOKABLE bool raiseOnRecord(const QString &recordId, const QString &questionId,
                                   const QString &description, int severity);

    // Evidence for the next step: photos stamped with time, place and village.
    Q_INVOKABLE QString addEvidencePhotoFromFile(const QString &pathOrUrl);
    QString addEvidencePhotoFromImage(const QImage &image);
    Q_INVOKABLE void removeEvidencePhoto(const QString &sha256);
    Q_INVOKABLE QString photoUrl(const QString &sha256) const;
    Q_INVOKABLE QString thumbnailUrl(const QString &sha256) const;

    // Steps on the current problem. Each false with lastError in the user's words.
    Q_INVOKABLE bool reportProgress(const QString &comment);
    Q_INVOKABLE bool reportFix(const QString &comment);
    Q_INVOKABLE bool recheck(bool passed, const QString &comment, const QString &offSiteReason);
    // kind: 1 township, 2 village committee, 3 line department (ResponsibleKind);
    // deadline: "yyyy-MM-dd", the end of that day in China is the deadline.
    Q_INVOKABLE bool assign(int kind, const QString &code, const QString &name,
                            const QString &deadline);
    Q_INVOKABLE bool close(const QString &comment);
    Q_INVOKABLE bool sendBack(const QString &comment);
    Q_INVOKABLE bool publish(const QStringList &before, const QStringList &after);

    QList<ProblemLine> toFix() const { return m_toFix; }
    QList<ProblemLine> toRecheck() const { return m_toRecheck; }
    int openCount() const { return int(m_toFix.size() + m_toRecheck.size()); }
    int overdueCount() const;
    ProblemDetail current() const;
    QStringList evidencePhotos() const { return m_evidence; }
    double distanceToCurrent() const;
    QString wayToCurrent() const;
    double recheckRadiusM() const;
    QString lastError() const { return m_error; }

signals:
    void listsChanged();
    void currentChanged();
    void evidenceChanged();
    void wayChanged();
    void lastErrorChanged();
    // A step was stored: lists and the sync chip refresh.
    void recorded();

public slots:
    // Pulled changes arrived: lists and the open problem are read again.
    void refresh();

private:
    ProblemEvent newEvent(ProblemAction action) const;
    // Stamps and stores a photo with `import` and adds it to the evidence; "" or why not.
    QString addEvidencePhoto(
        const std::function<std::optional<StoredPhoto>(const PhotoCaption &, PhotoProblem *)>
            &import);
    bool store(ProblemEvent event);
    bool fail(const QString &message);
    ProblemLine lineOf(const Problem &problem, qint64 nowMs) const;
    void positionMoved();

    QSqlDatabase m_db;
    PhotoStore *m_photos;
    PositionStatus *m_position;
    PhotoFetcher *m_fetcher = nullptr;
    QList<ProblemLine> m_toFix;
    QList<ProblemLine> m_toRecheck;
    std::optional<Problem> m_current;
    QStringList m_evidence;
    QString m_error;
    double m_wayLatitude = 0; // where the ways were last worked out
    double m_wayLongitude = 0;
};
