#include "cameraframesource.h"

#include <QCamera>
#include <QCoreApplication>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVideoFrame>
#include <QVideoSink>

#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#if QT_CONFIG(permissions)
#include <QtCore/qpermissions.h>
#define QS_CAMERA_PERMISSION 1
#endif
#endif

CameraFrameSource::CameraFrameSource(QObject *parent)
    : FrameSource(parent), m_devices(new QMediaDevices(this))
{
    connect(m_devices, &QMediaDevices::videoInputsChanged, this, &FrameSource::availabilityChanged);
}

bool CameraFrameSource::permissionDenied()
{
#ifdef QS_CAMERA_PERMISSION
    return qApp && qApp->checkPermission(QCameraPermission()) == Qt::PermissionStatus::Denied;
#else
    return false;
#endif
}

FrameSource::Availability CameraFrameSource::availability() const
{
    if (QMediaDevices::videoInputs().isEmpty())
        return Availability::NoCamera;
    if (permissionDenied())
        return Availability::NoPermission;
    return Availability::Available;
}

void CameraFrameSource::setUp()
{
    if (m_camera)
        return;
    m_session = new QMediaCaptureSession(this);
    m_camera = new QCamera(QMediaDevices::defaultVideoInput(), this);
    m_session->setCamera(m_camera);
    connect(m_camera, &QCamera::errorOccurred, this,
            [this](QCamera::Error, const QString &message) { emit failed(message); });
}

void CameraFrameSource::start(QObject *viewfinder)
{
    if (availability() != Availability::Available)
        return;
#ifdef QS_CAMERA_PERMISSION
    // Android asks the user once; until then there is no camera to open.
    if (qApp && qApp->checkPermission(QCameraPermission()) == Qt::PermissionStatus::Undetermined) {
        qApp->requestPermission(QCameraPermission(), this,
                                [this, viewfinder](const QPermission &p) {
                                    emit availabilityChanged();
                                    if (p.status() == Qt::PermissionStatus::Granted)
                                        start(viewfinder);
                                });
        return;
    }
#endif
    setUp();
    if (m_sink)
        disconnect(m_sink, nullptr, this, nullptr);
    if (viewfinder) {
        m_session->setVideoOutput(viewfinder); // the VideoOutput's own sink
        m_sink = m_session->videoSink();
    } else {
        if (!m_ownSink)
            m_ownSink = new QVideoSink(this);
        m_session->setVideoSink(m_ownSink);
        m_sink = m_ownSink;
    }
    if (m_sink)
        connect(m_sink, &QVideoSink::videoFrameChanged, this, &CameraFrameSource::onFrame);
    m_sinceLastFrame.invalidate();
    m_camera->start();
}

void CameraFrameSource::stop()
{
    if (m_sink)
        disconnect(m_sink, nullptr, this, nullptr);
    m_sink = nullptr;
    if (m_session)
        m_session->setVideoOutput(nullptr);
    if (m_camera)
        m_camera->stop();
}

void CameraFrameSource::onFrame(const QVideoFrame &frame)
{
    if (m_sinceLastFrame.isValid() && m_sinceLastFrame.elapsed() < 1000 / kFramesPerSecond)
        return;
    m_sinceLastFrame.start();
    const QImage image = frame.toImage();
    if (!image.isNull())
        emit frameArrived(image);
}
