#pragma once

#include <QObject>
#include <QSize>
#include <QString>

class QQmlApplicationEngine;
class QQuickWindow;

// Loads a mode's main QML and either shows it, checks it (--self-test) or renders it to a
// PNG (--screenshot). The one-shot runs end the event loop with their exit code.
class WindowRunner : public QObject {
    Q_OBJECT
public:
    explicit WindowRunner(QQmlApplicationEngine &engine, QObject *parent = nullptr);

    // Call first thing: every Qt warning from load() on fails a self-test.
    static void watchWarnings();
    static int warningCount();

    bool load(const QString &mode, const QSize &size);
    // Prints "self-test passed: MODE" (the face it loaded) and exits 0 when clean.
    void runSelfTest();
    void runScreenshot(const QString &path);
    // Prints "first_frame_ms=N rss_kb=N" at the first frame and exits.
    void runStartupProbe(qint64 startedMsAgo);

    QQuickWindow *window() const { return m_window; }

private:
    void whenFirstFrameShown(std::function<void()> then, int settleMs = 300);

    QQmlApplicationEngine &m_engine;
    QQuickWindow *m_window = nullptr;
    QString m_mode;
};
