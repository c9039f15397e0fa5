#pragma once

#include <QImage>
#include <QObject>

// Pictures to find a QR code in: the camera's viewfinder frames where there is a camera, or
// (tests) images fed in. The 连接服务器 page reads an invite's code from them.
class FrameSource : public QObject {
    Q_OBJECT
public:
    enum class Availability { Available, NoCamera, NoPermission };
    using QObject::QObject;

    virtual Availability availability() const = 0;
    // Starts delivering frames, a few a second; viewfinder (a QML VideoOutput, or null)
    // shows them too.
    virtual void start(QObject *viewfinder) = 0;
    virtual void stop() = 0;

signals:
    void frameArrived(const QImage &frame);
    void availabilityChanged();
    // The camera failed after it started (its own words, for the log and the page).
    void failed(const QString &detail);
};
