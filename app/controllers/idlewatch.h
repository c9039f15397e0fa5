#pragma once

#include <QObject>
#include <QTimer>

// Sees every touch, mouse press, wheel and key event of the application (an event filter on
// the application object) and says when nobody has touched anything for a while.
class IdleWatch : public QObject {
    Q_OBJECT
public:
    explicit IdleWatch(QObject *parent = nullptr);
    ~IdleWatch() override;

    // Installs the filter and starts counting; nothing runs before (other modes never start).
    void start();
    bool isRunning() const { return m_running; }
    bool isIdle() const { return m_idle; }
    void setTimeoutMs(int ms);
    int timeoutMs() const { return m_timer.interval(); }

signals:
    void becameIdle();
    void becameActive(); // the first touch after an idle spell
    void activity(); // any touch, press, wheel or key

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onActivity();
    void onTimeout();

    QTimer m_timer;
    bool m_running = false;
    bool m_idle = false;
};
