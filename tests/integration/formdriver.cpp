// A stand-in for an inspector's fingers: drives the real form services (ServiceHost, as the
// app builds them) from stdin, so a test can SIGKILL a real process in the middle of a form.
//   formdriver DB TEMPLATE_ID VILLAGE       prints "record <id>", then for each stdin line
//   <question-id> <json value>              answers it and prints "ok <n>"
#include "controllers/formcontroller.h"
#include "controllers/servicehost.h"
#include "controllers/services.h"

#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <cstdio>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    if (argc != 4) {
        std::fprintf(stderr, "usage: formdriver DB TEMPLATE_ID VILLAGE\n");
        return 2;
    }
    ServiceHost host;
    if (!host.start({QStringLiteral("inspector"),
                     QString::fromLocal8Bit(argv[1]),
                     {},
                     {},
                     false,
                     QStringLiteral("zh_CN")})) {
        std::fprintf(stderr, "%s\n", qPrintable(host.error()));
        return 1;
    }
    FormController *form = host.services()->form;
    if (!form->startNew(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]))) {
        std::fprintf(stderr, "%s\n", qPrintable(form->lastError()));
        return 1;
    }
    std::printf("record %s\n", qPrintable(form->recordId()));
    std::fflush(stdout);
    QTextStream in(stdin);
    int n = 0;
    QString line;
    while (in.readLineInto(&line)) {
        const int space = line.indexOf(QLatin1Char(' '));
        const QString id = line.left(space);
        const QJsonDocument value
            = QJsonDocument::fromJson("[" + line.mid(space + 1).toUtf8() + "]");
        if (!form->setAnswer(id, value.array().first().toVariant())) {
            std::printf("failed %s\n", qPrintable(id));
        } else {
            std::printf("ok %d\n", ++n);
        }
        std::fflush(stdout);
    }
    return 0;
}
