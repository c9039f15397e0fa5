// The kiosk shell's C++ parts: its config file, the admin PIN (hash, check, lockout),
// `--set-kiosk-pin` and the idle watch, on real files in a temporary folder.
#include "controllers/idlewatch.h"
#include "controllers/kioskconfig.h"
#include "controllers/kioskcontroller.h"
#include "controllers/kioskpinsetup.h"
#include "domain/passwordhash.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QKeyEvent>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

class TestKioskShell : public QObject {
    Q_OBJECT
private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    void write(const QString &file, const QByteArray &bytes)
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
    }
    QTemporaryDir m_dir;

private slots:
    void missingFileGivesDefaults()
    {
        const KioskConfig config = KioskConfig::load(path("nowhere/kiosk.ini"));
        QCOMPARE(config.idleTimeoutS, 90.0);
        QCOMPARE(config.attractStepS, 8.0);
        QVERIFY(config.adminPinHash.isEmpty());
        QVERIFY(config.error.isEmpty());
    }

    void readsItsKeys()
    {
        write(path("ok.ini"), "[kiosk]\nidle_timeout_s=30\nattract_step_s=2.5\n");
        const KioskConfig config = KioskConfig::load(path("ok.ini"));
        QCOMPARE(config.idleTimeoutS, 30.0);
        QCOMPARE(config.attractStepS, 2.5);
        QVERIFY(config.error.isEmpty());
    }

    void corruptFileGivesDefaults()
    {
        QByteArray garbage;
        for (int i = 0; i < 4096; ++i)
            garbage.append(static_cast<char>((i * 7919) % 256));
        write(path("corrupt.ini"), garbage);
        const KioskConfig config = KioskConfig::load(path("corrupt.ini"));
        QCOMPARE(config.idleTimeoutS, 90.0);
        QCOMPARE(config.attractStepS, 8.0);
        QVERIFY(config.adminPinHash.isEmpty());
    }

    void badValuesFallBackOneByOne()
    {
        write(path("bad.ini"),
              "[kiosk]\nidle_timeout_s=soon\nattract_step_s=-3\nadmin_pin_hash=1234\n");
        const KioskConfig config = KioskConfig::load(path("bad.ini"));
        QCOMPARE(config.idleTimeoutS, 90.0);
        QCOMPARE(config.attractStepS, 8.0);
        QVERIFY2(config.adminPinHash.isEmpty(), "a PIN written in clear is not a hash");
        QVERIFY(!config.error.isEmpty());
    }

    void unreadableFileGivesDefaults()
    {
        // A folder where the file should be: QSettings cannot read it.
        QVERIFY(QDir(m_dir.path()).mkpath("folder.ini"));
        const KioskConfig config = KioskConfig::load(path("folder.ini"));
        QCOMPARE(config.idleTimeoutS, 90.0);
    }

    void pinHashRoundTrip()
    {
        const QString file = path("pin.ini");
        write(file, "[kiosk]\nidle_timeout_s=45\n");
        QString error;
        QVERIFY2(KioskConfig::storePin(file, "24680", &error), qPrintable(error));
        const KioskConfig config = KioskConfig::load(file);
        QCOMPARE(config.idleTimeoutS, 45.0); // the other keys are kept
        QVERIFY(config.adminPinHash.startsWith("$argon2id$"));
        QVERIFY(!config.adminPinHash.contains("24680"));
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QVERIFY2(!raw.readAll().contains("24680"), "the PIN itself never reaches the file");
        QVERIFY(PasswordHash::verify(config.adminPinHash, "24680"));
        QVERIFY(!PasswordHash::verify(config.adminPinHash, "24681"));
    }

    void onlyFourToEightDigits()
    {
        QVERIFY(KioskConfig::isValidPin("1234"));
        QVERIFY(KioskConfig::isValidPin("12345678"));
        QVERIFY(!KioskConfig::isValidPin("123"));
        QVERIFY(!KioskConfig::isValidPin("123456789"));
        QVERIFY(!KioskConfig::isValidPin("12a4"));
        QString error;
        QVERIFY(!KioskConfig::storePin(path("never.ini"), "12", &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(path("never.ini")));
    }

    void setKioskPinAsksTwice()
    {
        QString messages;
        QTextStream out(&messages);
        QBuffer differ;
        differ.setData("1357\n1358\n");
        QVERIFY(differ.open(QIODevice::ReadOnly));
        QCOMPARE(KioskPinSetup::run(path("setup.ini"), differ, out), 1);
        QVERIFY(!QFile::exists(path("setup.ini")));

        QBuffer tooShort;
        tooShort.setData("12\n12\n");
        QVERIFY(tooShort.open(QIODevice::ReadOnly));
        QCOMPARE(KioskPinSetup::run(path("setup.ini"), tooShort, out), 1);
        QVERIFY(!QFile::exists(path("setup.ini")));

        QBuffer same;
        same.setData("1357\n1357\n");
        QVERIFY(same.open(QIODevice::ReadOnly));
        QCOMPARE(KioskPinSetup::run(path("setup.ini"), same, out), 0);
        QVERIFY(PasswordHash::verify(KioskConfig::load(path("setup.ini")).adminPinHash, "1357"));
    }

    void setKioskPinThroughTheApp()
    {
        const QString file = path("app.ini");
        QProcess app;
        // As over ssh on a kiosk box: no screen and no platform chosen.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            env.remove(QString::fromLatin1(name));
        app.setProcessEnvironment(env);
        app.start(QINGSHUI_APP_PATH, {"--set-kiosk-pin", "--kiosk-config", file});
        QVERIFY(app.waitForStarted());
        app.write("8642\n8640\n");
        app.closeWriteChannel();
        QVERIFY(app.waitForFinished(60000));
        QCOMPARE(app.exitCode(), 1);
        QVERIFY(app.readAllStandardError().contains("differ"));
        QVERIFY(!QFile::exists(file));

        app.start(QINGSHUI_APP_PATH, {"--set-kiosk-pin", "--kiosk-config", file});
        QVERIFY(app.waitForStarted());
        app.write("8642\n8642\n");
        app.closeWriteChannel();
        QVERIFY(app.waitForFinished(60000));
        QCOMPARE(app.exitCode(), 0);
        QVERIFY(PasswordHash::verify(KioskConfig::load(file).adminPinHash, "8642"));
    }

    void wrongPinNeverLeavesAndLocksOutAfterFive()
    {
        QString error;
        QVERIFY(KioskConfig::storePin(path("ctl.ini"), "9753", &error));
        KioskController kiosk(path("ctl.ini"), nullptr);
        QSignalSpy leave(&kiosk, &KioskController::leaveRequested);
        QVERIFY(kiosk.hasAdminPin());

        kiosk.leaveKiosk(); // without a PIN: nothing
        QCOMPARE(leave.count(), 0);
        for (int i = 1; i <= 4; ++i) {
            QVERIFY(!kiosk.checkPin("1111"));
            QCOMPARE(kiosk.wrongPins(), i);
            QVERIFY(!kiosk.isLockedOut());
            kiosk.leaveKiosk();
        }
        QVERIFY(!kiosk.checkPin("1111"));
        QVERIFY(kiosk.isLockedOut());
        QVERIFY2(!kiosk.checkPin("9753"), "the right PIN is refused while locked out");
        kiosk.leaveKiosk();
        QCOMPARE(leave.count(), 0);
        QVERIFY(!kiosk.isLeaving());
    }

    void rightPinUnlocksTheWayOut()
    {
        QString error;
        QVERIFY(KioskConfig::storePin(path("ok-pin.ini"), "9753", &error));
        KioskController kiosk(path("ok-pin.ini"), nullptr);
        QSignalSpy leave(&kiosk, &KioskController::leaveRequested);
        QVERIFY(!kiosk.checkPin("1111"));
        QVERIFY(kiosk.checkPin("9753"));
        QCOMPARE(kiosk.wrongPins(), 0);
        QVERIFY(kiosk.isAdminUnlocked());
        kiosk.lockAdmin();
        kiosk.leaveKiosk(); // locked again: nothing
        QCOMPARE(leave.count(), 0);
        QVERIFY(kiosk.checkPin("9753"));
        kiosk.leaveKiosk();
        QCOMPARE(leave.count(), 1);
        QVERIFY(kiosk.isLeaving());
    }

    void noPinConfiguredNeverLeaves()
    {
        KioskController kiosk(path("nothing.ini"), nullptr);
        QSignalSpy leave(&kiosk, &KioskController::leaveRequested);
        QVERIFY(!kiosk.hasAdminPin());
        QVERIFY(!kiosk.checkPin(""));
        QVERIFY(!kiosk.checkPin("1234"));
        kiosk.leaveKiosk();
        QCOMPARE(leave.count(), 0);
    }

    void idleWatchSeesKeysAndWaitsToStart()
    {
        IdleWatch watch;
        watch.setTimeoutMs(50);
        QSignalSpy idle(&watch, &IdleWatch::becameIdle);
        QSignalSpy active(&watch, &IdleWatch::becameActive);
        QObject target;
        QKeyEvent before(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier);
        QCoreApplication::sendEvent(&target, &before);
        QVERIFY2(!watch.isRunning(), "nothing runs until the kiosk face starts it");

        watch.start();
        QVERIFY(idle.wait(5000));
        QVERIFY(watch.isIdle());
        QKeyEvent key(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier);
        QCoreApplication::sendEvent(&target, &key);
        QCOMPARE(active.count(), 1);
        QVERIFY(!watch.isIdle());
        QVERIFY(idle.wait(5000)); // and idle again once nobody touches it
        QCOMPARE(idle.count(), 2);
    }
};

QTEST_MAIN(TestKioskShell)
#include "tst_kioskshell.moc"
