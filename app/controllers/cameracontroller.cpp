#include "cameracontroller.h"

#include "formcontroller.h"
#include "ledgercontroller.h"
#include "media/camerasource.h"
#include "photoproblemtext.h"

#include <QMediaCaptureSession>

CameraController::CameraController(CameraSource *camera, FormController *form, QObject *parent)
    : QObject(parent), m_camera(camera), m_form(form)
{
    connect(m_camera, &PhotoSource::availableChanged, this, &CameraController::availableChanged);
    connect(m_camera, &PhotoSource::failed, this,
            [this](const PhotoProblem &problem) { setError(PhotoProblemText::describe(problem)); });
    connect(m_camera, &PhotoSource::imageCaptured, this, [this](const QImage &image) {
        const QString error = m_ledger && m_questionId == QLatin1String(kLedgerEvidence)
            ? m_ledger->addEvidencePhotoFromImage(image)
            : m_form->addPhotoFromImage(m_questionId, image);
        setError(error);
        if (error.isEmpty())
            emit photoAdded();
    });
}

bool CameraController::available() const
{
    return m_camera->available();
}

QString CameraController::unavailableReason() const
{
    return PhotoProblemText::describe(m_camera->unavailableReason());
}

void CameraController::start(QObject *videoOutput)
{
    if (!available())
        return;
    m_camera->start();
    if (QMediaCaptureSession *session = m_camera->captureSession())
        session->setVideoOutput(videoOutput);
}

void CameraController::stop()
{
    if (QMediaCaptureSession *session = m_camera->captureSession())
        session->setVideoOutput(nullptr);
    m_camera->stop();
}

void CameraController::capture(const QString &questionId)
{
    m_questionId = questionId;
    setError({});
    m_camera->requestPhoto();
}

void CameraController::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    emit lastErrorChanged();
}
