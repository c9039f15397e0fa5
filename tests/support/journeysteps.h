#pragma once

#include "appdriver.h"
#include "serverprocess.h"

// The steps every journey through the real apps takes the same way (tst_journey,
// tst_ledgerjourney, tst_mapjourney): a tap on what is shown, typing over a field, waiting
// for the sync chip, joining a server from the screen, and a screenshot at each step.
namespace JourneySteps {

// Waits for the target, scrolls it into view, taps it.
inline bool tap(AppDriver &app, const QJsonObject &target)
{
    return app.waitForShown(target) && app.reveal(target) && app.click(target);
}
inline bool tap(AppDriver &app, const QString &name)
{
    return tap(app, AppDriver::named(name));
}

// Selects all of a field's text and types over it.
inline bool retype(AppDriver &app, const QString &field, const QString &text)
{
    return app.type(AppDriver::named(field), QString()) && app.key(QStringLiteral("Ctrl+A"))
        && app.key(QStringLiteral("Backspace")) && app.type({}, text);
}

// The sync chip says everything went out: "已同步 HH:mm", nothing waiting.
inline bool allSent(AppDriver &app)
{
    return app.waitFor(
        [&] { return app.text(QStringLiteral("syncChip")).startsWith(QStringLiteral("已同步 ")); },
        QStringLiteral("the sync chip saying all is synced"));
}
inline bool sync(AppDriver &app)
{
    return tap(app, QStringLiteral("syncButton")) && allSent(app);
}

// 连接服务器 on a fresh device: the code typed, then the password.
inline bool enrolFromTheScreen(AppDriver &app, const QString &code)
{
    return app.waitForShown(AppDriver::named(QStringLiteral("connectServerPage")))
        && app.waitForText(QStringLiteral("连接服务器"))
        && app.type(AppDriver::named(QStringLiteral("codeField")), code)
        && tap(app, QStringLiteral("codeNextButton"))
        && app.waitForShown(AppDriver::named(QStringLiteral("enrolPassword")))
        && app.type(AppDriver::named(QStringLiteral("enrolPassword")),
                    QString::fromLatin1(ServerProcess::kPassword))
        && tap(app, QStringLiteral("enrolButton"));
}

// With QS_SCREENSHOT_DIR=DIR (the project's one switch for screenshots), the window as the
// user sees it at each step, as DIR/<prefix>-NN-<step>.png, numbered in the walk's order.
class Looks {
public:
    explicit Looks(QString prefix) : m_prefix(std::move(prefix)) { }
    void take(AppDriver &app, const QString &step)
    {
        const QString dir = qEnvironmentVariable("QS_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            app.grab(QStringLiteral("%1/%2-%3-%4.png")
                         .arg(dir, m_prefix)
                         .arg(++m_count, 2, 10, QLatin1Char('0'))
                         .arg(step));
    }

private:
    QString m_prefix;
    int m_count = 0;
};

} // namespace JourneySteps
