#pragma once

#include "photosource.h"

class QCamera;
class QImageCapture;
class QMediaCaptureSession;
class QMediaDevices;

// Photos from the device camera through Qt Multimedia. On a device without a camera (or
// without permission) it says why, so the page can offer file import instead.
class CameraSource : public PhotoSource {
    Q_OBJECT
public:
    explicit CameraSource(QObject *parent = nullptr);

    QString sourceName() const override { return QStringLiteral("camera"); }
    bool available() const override;
    PhotoProblem unavailableReason() const override;
    // Turns the camera on if needed and takes one picture once it is ready.
    void requestPhoto() override;

    // The viewfinder: on while the capture page shows, off to save the battery.
    void start();
    void stop();
    // For a VideoOutput; null until the camera first starts.
    QMediaCaptureSession *captureSession() const { return m_session; }

private:
    void setUp();
    void captureIfReady();
    void onCaptured(int id, const QImage &image);
    void fail(const char *code, const QString &detail = {});
    bool busy() const { return m_pending || m_captureId >= 0; }
    static bool permissionDenied();

    QMediaDevices *m_devices = nullptr;
    QMediaCaptureSession *m_session = nullptr;
    QCamera *m_camera = nullptr;
    QImageCapture *m_capture = nullptr;
    bool m_pending = false; // a request waits for the camera to become ready
    int m_captureId = -1; // the capture in flight
};
