#include "controllers/kioskpinsetup.h"

#include "controllers/kioskconfig.h"

#include <QFile>
#include <QIODevice>
#include <QTextStream>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace {

QString readLine(QIODevice &input)
{
    return QString::fromUtf8(input.readLine()).trimmed();
}

#ifdef Q_OS_UNIX
// Keeps a typed PIN off the screen while it lives.
class NoEcho {
public:
    NoEcho()
    {
        m_active = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &m_saved) == 0;
        if (m_active) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        }
    }
    ~NoEcho()
    {
        if (m_active)
            tcsetattr(STDIN_FILENO, TCSANOW, &m_saved);
    }

private:
    termios m_saved {};
    bool m_active = false;
};
#else
struct NoEcho { };
#endif

} // namespace

int KioskPinSetup::run(const QString &configPath, QIODevice &input, QTextStream &messages)
{
    messages << "Kiosk admin PIN (4-8 digits): " << Qt::flush;
    const QString first = readLine(input);
    messages << "\n";
    if (!KioskConfig::isValidPin(first)) {
        messages << "qingshui: the PIN must be 4 to 8 digits; nothing stored\n";
        return 1;
    }
    messages << "Again: " << Qt::flush;
    const QString second = readLine(input);
    messages << "\n";
    if (second != first) {
        messages << "qingshui: the two PINs differ; nothing stored\n";
        return 1;
    }
    QString error;
    if (!KioskConfig::storePin(configPath, first, &error)) {
        messages << "qingshui: " << error << "; nothing stored\n";
        return 1;
    }
    messages << "Admin PIN hash stored in " << configPath << "\n";
    return 0;
}

int KioskPinSetup::runOnStdin(const QString &configPath)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        std::fprintf(stderr, "qingshui: cannot read stdin\n");
        return 1;
    }
    QTextStream messages(stderr);
    NoEcho quiet;
    return run(configPath, in, messages);
}
