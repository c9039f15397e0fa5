#pragma once

#include "framesource.h"

#include <QElapsedTimer>

class QCamera;
class QMediaCaptureSession;
class QMediaDevices;
class QVideoFrame;
class QVideoSink;

// Viewfinder frames of the device camera (Qt Multimedia), handed on at most kFramesPerSecond
// so that reading them never floods the UI thread. Built on first start: a device without a
// camera never opens the camera stack.
class CameraFrameSource : public FrameSource {
    Q_OBJECT
public:
    explicit CameraFrameSource(QObject *parent = nullptr);

    Availability availability() const override;
    void start(QObject *viewfinder) override;
    void stop() override;

    static constexpr int kFramesPerSecond = 4;

private:
    void setUp();
    void onFrame(const QVideoFrame &frame);
    static bool permissionDenied();

    QMediaDevices *m_devices = nullptr;
    QMediaCaptureSession *m_session = nullptr;
    QCamera *m_camera = nullptr;
    QVideoSink *m_ownSink = nullptr; // when no viewfinder is given
    QVideoSink *m_sink = nullptr; // the one frames come from
    QElapsedTimer m_sinceLastFrame;
};
