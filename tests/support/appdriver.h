#pragma once

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

// A real `qingshui` process driven through its automation hook (`--automation SOCKET`,
// app/automation/): offscreen, on the store and arguments the test gives, its settings
// (language choice, kiosk.ini default) in a folder of its own. Every command answers true or
// a value; when one fails, error() says why and what was on screen, for QVERIFY2.
//
// Waits poll until a condition holds or a generous bound passes. The bound only keeps a
// broken run from hanging: it is not a timed assertion, and nothing here measures time.
class AppDriver {
public:
    static constexpr int kBoundMs = 60000; // a loaded, shared CI machine is slow

    AppDriver() = default;
    AppDriver(const AppDriver &) = delete;
    AppDriver &operator=(const AppDriver &) = delete;
    ~AppDriver() { stop(); }

    // Selectors (app/automation/itemquery.h): by objectName, by exact text, or any keys.
    static QJsonObject named(const QString &name, const QString &within = {})
    {
        QJsonObject target {{QStringLiteral("name"), name}};
        if (!within.isEmpty())
            target.insert(QStringLiteral("within"), within);
        return target;
    }
    static QJsonObject withText(const QString &text, const QString &within = {})
    {
        QJsonObject target {{QStringLiteral("text"), text}};
        if (!within.isEmpty())
            target.insert(QStringLiteral("within"), within);
        return target;
    }

    // Starts the app with `args` and waits until its hook answers. `environment` entries
    // are added to (or replace) the test's own environment and the defaults, e.g.
    // QT_QPA_PLATFORM=offscreen:configfile=screen.json for a screen of another size.
    bool start(const QStringList &args, const QProcessEnvironment &environment = {})
    {
        if (!m_dir.isValid())
            return fail(QStringLiteral("no temporary folder"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // QSettings (the language choice) and AppDataLocation stay out of the user's home.
        for (const char *xdg : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"}) {
            const QString dir = m_dir.filePath(QString::fromLatin1(xdg).toLower());
            QDir().mkpath(dir);
            env.insert(QString::fromLatin1(xdg), dir);
        }
        for (const QString &key : environment.keys())
            env.insert(key, environment.value(key));
        m_process.setProcessEnvironment(env);
        // Into a file, not a pipe: a chatty app must never block on a pipe nobody reads.
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setStandardOutputFile(logPath());
        m_process.start(QStringLiteral(QINGSHUI_APP_PATH),
                        args + QStringList {QStringLiteral("--automation"), socketPath()});
        if (!m_process.waitForStarted(30000))
            return fail(QStringLiteral("qingshui did not start: %1").arg(m_process.errorString()));
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < kBoundMs) {
            if (m_process.state() != QProcess::Running)
                return fail(QStringLiteral("qingshui exited (code %1) before it listened")
                                .arg(m_process.exitCode()));
            m_socket.connectToServer(socketPath());
            if (m_socket.waitForConnected(500))
                return true;
            QTest::qWait(50);
        }
        return fail(QStringLiteral("qingshui's automation socket never answered"));
    }

    // Ends the app through its event loop (as closing it would: stores flushed and closed);
    // kills it if it hangs. True if it ended by itself with exit code 0.
    bool stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
        if (m_socket.state() == QLocalSocket::ConnectedState)
            send({{QStringLiteral("cmd"), QStringLiteral("quit")}});
        m_socket.disconnectFromServer();
        if (!m_process.waitForFinished(30000)) {
            m_process.kill();
            m_process.waitForFinished(10000);
            return fail(QStringLiteral("qingshui did not quit; killed"));
        }
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }

    // One command; the answer, or {"ok": false, "error": …} if the app did not answer.
    QJsonObject send(const QJsonObject &command)
    {
        if (m_socket.state() != QLocalSocket::ConnectedState)
            return failure(QStringLiteral("not connected to qingshui"));
        m_socket.write(QJsonDocument(command).toJson(QJsonDocument::Compact) + '\n');
        m_socket.flush();
        QElapsedTimer waited;
        waited.start();
        while (!m_socket.canReadLine()) {
            if (waited.elapsed() > kBoundMs || m_socket.state() != QLocalSocket::ConnectedState)
                return failure(QStringLiteral("no answer to %1 (app %2)")
                                   .arg(QString::fromUtf8(
                                            QJsonDocument(command).toJson(QJsonDocument::Compact)),
                                        m_process.state() == QProcess::Running
                                            ? QStringLiteral("running")
                                            : QStringLiteral("gone")));
            m_socket.waitForReadyRead(200);
        }
        const QJsonObject answer = QJsonDocument::fromJson(m_socket.readLine()).object();
        if (!answer.value(QStringLiteral("ok")).toBool())
            m_error = answer.value(QStringLiteral("error")).toString();
        return answer;
    }

    bool click(const QJsonObject &target) { return run(QStringLiteral("click"), target); }
    bool click(const QString &name) { return click(named(name)); }
    // A finger held down (press), moved, let go (release): press-and-hold, drags.
    bool press(const QJsonObject &target) { return run(QStringLiteral("press"), target); }
    bool release(const QJsonObject &target) { return run(QStringLiteral("release"), target); }
    // A finger at a point of the window where no item names the place (on a map): x, y in
    // the window's coordinates, as find() gives an item's.
    bool pressAt(double x, double y) { return at(QStringLiteral("press"), x, y); }
    bool moveTo(double x, double y) { return at(QStringLiteral("move"), x, y); }
    bool releaseAt(double x, double y) { return at(QStringLiteral("release"), x, y); }
    bool clickAt(double x, double y) { return at(QStringLiteral("click"), x, y); }
    // Scrolls the target into view, as a swipe would.
    bool reveal(const QJsonObject &target) { return run(QStringLiteral("reveal"), target); }
    // Taps the target (which focuses it), then types: keys for Latin text, an input
    // method's commit for Chinese.
    bool type(const QJsonObject &target, const QString &text)
    {
        return run(QStringLiteral("type"), target, {{QStringLiteral("text"), text}});
    }
    bool key(const QString &key)
    {
        return ok(
            send({{QStringLiteral("cmd"), QStringLiteral("key")}, {QStringLiteral("key"), key}}));
    }
    bool grab(const QString &pngFile)
    {
        return ok(send(
            {{QStringLiteral("cmd"), QStringLiteral("grab")}, {QStringLiteral("file"), pngFile}}));
    }
    // A property's value; undefined (and error() set) if there is no such object or property.
    QJsonValue property(const QJsonObject &target, const QString &property)
    {
        const QJsonObject answer = send({{QStringLiteral("cmd"), QStringLiteral("get")},
                                         {QStringLiteral("target"), target},
                                         {QStringLiteral("property"), property}});
        return ok(answer) ? answer.value(QStringLiteral("value")) : QJsonValue::Undefined;
    }
    QString text(const QJsonObject &target) { return property(target, "text").toString(); }
    QString text(const QString &name) { return text(named(name)); }
    bool setProperty(const QJsonObject &target, const QString &property, const QJsonValue &value)
    {
        return run(QStringLiteral("set"), target,
                   {{QStringLiteral("property"), property}, {QStringLiteral("value"), value}});
    }
    // Calls a method of a QML object where no gesture can do the step (say why in the test).
    QJsonValue invoke(const QJsonObject &target, const QString &method, const QJsonArray &args = {})
    {
        const QJsonObject answer = send({{QStringLiteral("cmd"), QStringLiteral("invoke")},
                                         {QStringLiteral("target"), target},
                                         {QStringLiteral("method"), method},
                                         {QStringLiteral("args"), args}});
        return ok(answer) ? answer.value(QStringLiteral("value")) : QJsonValue::Undefined;
    }
    // What find answers for the target: one description per matching object.
    QJsonArray find(const QJsonObject &target)
    {
        const QJsonObject answer = send(
            {{QStringLiteral("cmd"), QStringLiteral("find")}, {QStringLiteral("target"), target}});
        return answer.value(QStringLiteral("items")).toArray();
    }
    bool isShown(const QJsonObject &target) { return !find(target).isEmpty(); }

    struct ScreenText {
        QString text;
        QString path;
        bool onScreen = false;
        bool editable = false; // in a field the user types into
    };
    // Every text the windows show ({text, path}); with scrolled, also what a scroll hides.
    QList<ScreenText> texts(bool scrolled = false)
    {
        const QJsonObject answer = send({{QStringLiteral("cmd"), QStringLiteral("texts")},
                                         {QStringLiteral("scrolled"), scrolled}});
        QList<ScreenText> out;
        for (const QJsonValue &value : answer.value(QStringLiteral("texts")).toArray()) {
            const QJsonObject t = value.toObject();
            out.append({t.value(QStringLiteral("text")).toString(),
                        t.value(QStringLiteral("path")).toString(),
                        t.value(QStringLiteral("onScreen")).toBool(),
                        t.value(QStringLiteral("editable")).toBool()});
        }
        return out;
    }
    QStringList screenTexts()
    {
        QStringList out;
        for (const ScreenText &t : texts())
            out << t.text;
        return out;
    }
    bool showsText(const QString &text) { return screenTexts().contains(text); }
    bool showsTextContaining(const QString &part)
    {
        for (const QString &t : screenTexts()) {
            if (t.contains(part))
                return true;
        }
        return false;
    }

    // Polls until condition() holds; false after the bound, with error() naming `what` and
    // what was on screen then.
    bool waitFor(const std::function<bool()> &condition, const QString &what,
                 int boundMs = kBoundMs)
    {
        QElapsedTimer waited;
        waited.start();
        while (!condition()) {
            if (waited.elapsed() > boundMs || m_process.state() != QProcess::Running)
                return fail(QStringLiteral("never saw %1").arg(what));
            QTest::qWait(50);
        }
        return true;
    }
    bool waitForText(const QString &text, int boundMs = kBoundMs)
    {
        return waitFor([&] { return showsText(text); }, QStringLiteral("\"%1\"").arg(text),
                       boundMs);
    }
    bool waitForTextContaining(const QString &part, int boundMs = kBoundMs)
    {
        return waitFor([&] { return showsTextContaining(part); },
                       QStringLiteral("a text containing \"%1\"").arg(part), boundMs);
    }
    // Shown and at rest: a page still sliding in would take a tap in the wrong place.
    bool waitForShown(const QJsonObject &target, int boundMs = kBoundMs)
    {
        QJsonObject last;
        return waitFor(
            [&] {
                const QJsonArray found = find(target);
                if (found.isEmpty())
                    return false;
                QJsonObject place = found.first().toObject();
                for (const char *moving : {"path", "text", "visible", "name", "type"})
                    place.remove(QLatin1String(moving));
                const bool still = place == last;
                last = place;
                return still;
            },
            describe(target) + " shown", boundMs);
    }
    bool waitForGone(const QJsonObject &target, int boundMs = kBoundMs)
    {
        return waitFor([&] { return !isShown(target); }, describe(target) + " gone", boundMs);
    }
    bool waitForProperty(const QJsonObject &target, const QString &name, const QJsonValue &value,
                         int boundMs = kBoundMs)
    {
        return waitFor(
            [&] { return property(target, name) == value; },
            QStringLiteral("%1.%2 == %3")
                .arg(describe(target), name,
                     QString::fromUtf8(
                         QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact))),
            boundMs);
    }

    // The last failure, with the texts on screen and the end of the app's log.
    QString error() const { return m_error; }
    // Everything the app wrote to stdout and stderr so far.
    QString log() const
    {
        QFile file(logPath());
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }
    QProcess &process() { return m_process; }

private:
    static QString describe(const QJsonObject &target)
    {
        return QString::fromUtf8(QJsonDocument(target).toJson(QJsonDocument::Compact));
    }
    QString socketPath() const { return m_dir.filePath(QStringLiteral("automation.sock")); }
    QString logPath() const { return m_dir.filePath(QStringLiteral("app.log")); }

    bool at(const QString &command, double x, double y)
    {
        return run(command, {}, {{QStringLiteral("x"), x}, {QStringLiteral("y"), y}});
    }
    bool run(const QString &command, const QJsonObject &target, QJsonObject fields = {})
    {
        fields.insert(QStringLiteral("cmd"), command);
        if (!target.isEmpty())
            fields.insert(QStringLiteral("target"), target);
        return ok(send(fields));
    }
    bool ok(const QJsonObject &answer)
    {
        if (answer.value(QStringLiteral("ok")).toBool())
            return true;
        return fail(answer.value(QStringLiteral("error")).toString());
    }
    QJsonObject failure(const QString &error)
    {
        m_error = error;
        return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), error}};
    }
    // Records why, with what the user saw then (when the app can still tell) and its log.
    bool fail(const QString &why)
    {
        QString report = why;
        if (m_socket.state() == QLocalSocket::ConnectedState && !m_reporting) {
            m_reporting = true; // texts() goes through send(), which may fail in turn
            report += QStringLiteral("\n  on screen: ") + screenTexts().join(QStringLiteral(" | "));
            m_reporting = false;
        }
        const QString tail = log().right(2000);
        if (!tail.isEmpty())
            report += QStringLiteral("\n  app log (end): ") + tail;
        m_error = report;
        return false;
    }

    QTemporaryDir m_dir;
    QProcess m_process;
    QLocalSocket m_socket;
    QString m_error;
    bool m_reporting = false;
};
