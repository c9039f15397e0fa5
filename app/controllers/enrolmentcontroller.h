#pragma once

#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QQmlEngine>
#include <QString>

#include "domain/enrolmentcode.h"
#include "joinserver.h"

class FrameSource;

// A picture looked at for a QR code: whether it could be read at all, and the code's text.
struct DecodedPicture {
    bool readable = false;
    QString text; // empty: no QR code found
};

// The 连接服务器 page: a tablet joins a server from its own screen. The invite's code comes
// scanned (camera frames, or a picture file — always offered, the only way without a
// camera), or typed; a mistyped code is said so at once, before any network. Then the
// password, and the enrolment runs off the UI thread (busy meanwhile). The advanced way:
// an address, a CA file and a user name. Every failure gets a message in the user's
// language (RefusalText) and changes nothing on the device.
class EnrolmentController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
    // The store names no server and none was given on the command line: the page shows
    // instead of the mode's main page.
    Q_PROPERTY(bool needed READ needed NOTIFY neededChanged)
    Q_PROPERTY(bool codeAccepted READ codeAccepted NOTIFY codeChanged)
    Q_PROPERTY(QString codeUsername READ codeUsername NOTIFY codeChanged)
    Q_PROPERTY(QString codeAddress READ codeAddress NOTIFY codeChanged)
    Q_PROPERTY(bool codeUsesTls READ codeUsesTls NOTIFY codeChanged)
    // The invite's certificate fingerprint as pairs of hex digits (what the server printed).
    Q_PROPERTY(QString codeFingerprint READ codeFingerprint NOTIFY codeChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(bool cameraAvailable READ cameraAvailable NOTIFY cameraChanged)
    Q_PROPERTY(QString cameraUnavailableReason READ cameraUnavailableReason NOTIFY cameraChanged)
    Q_PROPERTY(bool scanning READ scanning NOTIFY scanningChanged)
public:
    // db: the UI thread's connection to the store; the enrolment itself opens its own on
    // its thread. serverGiven: --server names the server, so the page is never needed.
    // frames: the camera (or a test's pictures).
    EnrolmentController(QSqlDatabase db, bool serverGiven, FrameSource *frames,
                        QObject *parent = nullptr);
    ~EnrolmentController() override;

    bool needed() const { return m_needed; }
    bool codeAccepted() const { return m_code.has_value(); }
    QString codeUsername() const { return m_code ? m_code->username : QString(); }
    QString codeAddress() const { return m_code ? m_code->address : QString(); }
    bool codeUsesTls() const { return m_code && m_code->usesTls(); }
    QString codeFingerprint() const;
    bool busy() const { return m_busy; }
    QString error() const { return m_error; }
    bool cameraAvailable() const;
    QString cameraUnavailableReason() const;
    bool scanning() const { return m_scanning; }

    // A typed or scanned code: true when it reads (then the password comes next).
    Q_INVOKABLE bool acceptCode(const QString &text);
    // The QR code in a picture file (a photo of the printed invite, or the PNG the server
    // wrote); read off the UI thread, then as acceptCode.
    // file: a path or a file: URL (what a FileDialog gives).
    Q_INVOKABLE void readCodeFromImage(const QString &file);
    // Looks for the code in the camera's frames (shown in the viewfinder, a VideoOutput).
    Q_INVOKABLE void startScanning(QObject *viewfinder);
    Q_INVOKABLE void stopScanning();
    // Back to the first step.
    Q_INVOKABLE void clearCode();
    // Redeems the accepted code with the account's password.
    Q_INVOKABLE void enrol(const QString &password);
    // The advanced way: HOST:PORT, a CA file (empty: a loopback server in plaintext, or one
    // the system's CAs vouch for), the account and its password.
    Q_INVOKABLE void connectTo(const QString &address, const QString &caFile,
                               const QString &username, const QString &password);

public slots:
    // Reads again whether the store names a server (after a change of server elsewhere).
    void refresh();

signals:
    void neededChanged();
    void codeChanged();
    void busyChanged();
    void errorChanged();
    void cameraChanged();
    void scanningChanged();
    // The store is enrolled: its server, trust and login are stored.
    void enrolled();

private:
    void setError(const QString &error);
    void setBusy(bool busy);
    void onFrame(const QImage &frame);
    void onDecoded(const DecodedPicture &picture, bool fromCamera);
    void onJoined(const JoinOutcome &outcome);
    void startJoin(std::function<JoinOutcome(QSqlDatabase)> join);

    QSqlDatabase m_db;
    bool m_serverGiven;
    FrameSource *m_frames;
    bool m_needed = false;
    std::optional<EnrolmentCode> m_code;
    bool m_busy = false;
    QString m_error;
    bool m_scanning = false;
    QFutureWatcher<DecodedPicture> m_frameDecode;
    QFutureWatcher<DecodedPicture> m_fileDecode;
    QFutureWatcher<JoinOutcome> m_join;
};
