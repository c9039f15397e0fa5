#include "camerasource.h"

#include <QCamera>
#include <QCameraDevice>
#include <QCoreApplication>
#include <QImageCapture>
#include <QMediaCaptureSession>
#include <QMediaDevices>

#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#if QT_CONFIG(permissions)
#include <QtCore/qpermissions.h>
#define QS_CAMERA_PERMISSION 1
#endif
#endif

CameraSource::CameraSource(QObject *parent)
    : PhotoSource(parent), m_devices(new QMediaDevices(this))
{
    connect(m_devices, &QMediaDevices::videoInputsChanged, this, &PhotoSource::availableChanged);
}

// Asked each time, not remembered: the inspector may allow the camera in the system settings.
bool CameraSource::permissionDenied()
{
#ifdef QS_CAMERA_PERMISSION
    return qApp && qApp->checkPermission(QCameraPermission()) == Qt::PermissionStatus::Denied;
#else
    return false;
#endif
}

bool CameraSource::available() const
{
    return !QMediaDevices::videoInputs().isEmpty() && !permissionDenied();
}

PhotoProblem CameraSource::unavailableReason() const
{
    if (QMediaDevices::videoInputs().isEmpty())
        return {QLatin1String(PhotoProblemCode::kNoCamera), {}};
    if (permissionDenied())
        return {QLatin1String(PhotoProblemCode::kNoPermission), {}};
    return {};
}

void CameraSource::requestPhoto()
{
    if (!available()) {
        emit failed(unavailableReason());
        return;
    }
    if (busy()) {
        emit failed({QLatin1String(PhotoProblemCode::kCaptureBusy), {}});
        return;
    }
    m_pending = true;
    start();
    captureIfReady();
}

void CameraSource::start()
{
    if (!available())
        return;
#ifdef QS_CAMERA_PERMISSION
    // Android asks the user once; until then there is no camera to open.
    if (qApp && qApp->checkPermission(QCameraPermission()) == Qt::PermissionStatus::Undetermined) {
        qApp->requestPermission(QCameraPermission(), this, [this](const QPermission &answer) {
            if (answer.status() == Qt::PermissionStatus::Granted) {
                start();
                captureIfReady();
                return;
            }
            emit availableChanged();
            if (busy())
                fail(PhotoProblemCode::kNoPermission);
        });
        return;
    }
#endif
    setUp();
    m_camera->start();
}

void CameraSource::stop()
{
    if (m_camera)
        m_camera->stop();
    if (busy())
        fail(PhotoProblemCode::kCameraClosed);
}

// Built on first use, so a device without a camera never opens the camera stack.
void CameraSource::setUp()
{
    if (m_camera)
        return;
    m_session = new QMediaCaptureSession(this);
    m_camera = new QCamera(QMediaDevices::defaultVideoInput(), this);
    m_capture = new QImageCapture(this);
    m_session->setCamera(m_camera);
    m_session->setImageCapture(m_capture);
    connect(m_capture, &QImageCapture::readyForCaptureChanged, this, [this](bool ready) {
        if (ready)
            captureIfReady();
    });
    // Full-resolution on the GStreamer (6.4) and FFmpeg (6.5+) backends despite the name.
    connect(m_capture, &QImageCapture::imageCaptured, this, &CameraSource::onCaptured);
    connect(m_capture, &QImageCapture::errorOccurred, this,
            [this](int id, QImageCapture::Error, const QString &message) {
                if (id >= 0 && id == m_captureId)
                    fail(PhotoProblemCode::kCaptureFailed, message);
            });
    connect(m_camera, &QCamera::errorOccurred, this,
            [this](QCamera::Error, const QString &message) {
                if (busy())
                    fail(PhotoProblemCode::kCameraError, message);
            });
}

void CameraSource::captureIfReady()
{
    if (!m_pending || !m_capture || !m_capture->isReadyForCapture())
        return;
    m_pending = false;
    m_captureId = m_capture->capture();
    if (m_captureId < 0)
        fail(PhotoProblemCode::kCaptureFailed, m_capture->errorString());
}

void CameraSource::onCaptured(int id, const QImage &image)
{
    if (id != m_captureId)
        return;
    m_captureId = -1;
    if (image.isNull())
        emit failed({QLatin1String(PhotoProblemCode::kNoImage), {}});
    else
        emit imageCaptured(image);
}

void CameraSource::fail(const char *code, const QString &detail)
{
    m_pending = false;
    m_captureId = -1;
    emit failed({QLatin1String(code), detail.isEmpty() ? QStringList() : QStringList {detail}});
}
