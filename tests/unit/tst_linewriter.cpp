// LineWriter, the call log's output: a reader that does not read (a full pipe) never holds
// up the callers; what found the queue full is dropped and counted, and every line that is
// written is whole and in order.
#include "linewriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <string>
#include <thread>
#include <unistd.h>

class TestLineWriter : public QObject {
    Q_OBJECT

private slots:
    void aStuckReaderHoldsNobodyUpAndDropsAreCounted()
    {
        int fds[2];
        QCOMPARE(::pipe(fds), 0);
        std::FILE *out = ::fdopen(fds[1], "w");
        QVERIFY(out);
        constexpr int kLines = 20000; // ~250 KB: far more than a pipe holds
        std::string received;
        std::thread reader;
        {
            LineWriter writer(out, 100);
            // Nobody reads yet: every write() must still return.
            for (int i = 0; i < kLines; ++i)
                writer.write("{\"n\":" + std::to_string(i) + ",\"pad\":\"xxxxxx\"}");
            // Now a reader comes; the writer hands over what waits as it stops.
            reader = std::thread([&] {
                char buffer[4096];
                for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
                    received.append(buffer, size_t(n));
            });
        }
        std::fclose(out); // the reader sees the end
        reader.join();
        ::close(fds[0]);

        int written = 0, dropped = 0, last = -1;
        bool inOrder = true;
        for (const QByteArray &line : QByteArray::fromStdString(received).split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            QVERIFY2(!object.isEmpty(), line.constData()); // whole lines only
            if (object.contains("dropped_lines")) {
                dropped += object.value("dropped_lines").toInt();
            } else {
                const int n = object.value("n").toInt();
                inOrder = inOrder && n > last;
                last = n;
                ++written;
            }
        }
        QVERIFY(dropped > 0);
        QCOMPARE(written + dropped, kLines);
        QVERIFY(inOrder);
    }
};

QTEST_GUILESS_MAIN(TestLineWriter)
#include "tst_linewriter.moc"
