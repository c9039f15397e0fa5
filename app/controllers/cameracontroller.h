#pragma once

#include <QObject>
#include <QQmlEngine>

class CameraSource;
class FormController;
class LedgerController;

// The camera page's logic: a viewfinder for a VideoOutput and one shot into a photo question
// (or, for the target kLedgerEvidence, into the evidence of the open problem's next step).
// Where the device has no camera it says why, and the page offers file import instead.
class CameraController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    Q_PROPERTY(QString unavailableReason READ unavailableReason NOTIFY availableChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
public:
    CameraController(CameraSource *camera, FormController *form, QObject *parent = nullptr);

    // The capture target that files a shot as the evidence of a ledger step (a fix, a re-check).
    static constexpr const char *kLedgerEvidence = "ledger.evidence";
    void setLedger(LedgerController *ledger) { m_ledger = ledger; }

    bool available() const;
    QString unavailableReason() const;
    QString lastError() const { return m_error; }

    // Starts the viewfinder into a QML VideoOutput.
    Q_INVOKABLE void start(QObject *videoOutput);
    Q_INVOKABLE void stop();
    // Takes one photo for the question; photoAdded or lastError tells how it went.
    Q_INVOKABLE void capture(const QString &questionId);

signals:
    void availableChanged();
    void lastErrorChanged();
    void photoAdded();

private:
    void setError(const QString &error);

    CameraSource *m_camera;
    FormController *m_form;
    LedgerController *m_ledger = nullptr;
    QString m_questionId;
    QString m_error;
};
