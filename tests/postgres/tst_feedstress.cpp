// The change feed stays exact with concurrent writers: two qingshui-server processes on one
// PostgreSQL database, 8 devices pushing batches at once through both, pullers paging
// through both with random page sizes while the pushes land. Every puller ends with exactly
// the server's set of changes: none missing (a change numbered 5 that committed after 6 was
// pulled past would be), none twice, and every acknowledged op exactly once.
#include "pgtestdatabase.h"
#include "serverprocess.h"

#include "qingshui/v1/auth.grpc.pb.h"
#include "qingshui/v1/sync.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <atomic>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <thread>

namespace v1 = qingshui::v1;

namespace {

constexpr int kDevices = 8;
constexpr int kPullers = 3;
constexpr int kRounds = 30;
constexpr const char *kCounty = "420322";

std::string uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

// Errors from the worker threads, checked by the test at the end.
class Problems {
public:
    void add(const QString &problem)
    {
        QMutexLocker lock(&m_mutex);
        if (m_list.size() < 20)
            m_list << problem;
    }
    QStringList list()
    {
        QMutexLocker lock(&m_mutex);
        return m_list;
    }

private:
    QMutex m_mutex;
    QStringList m_list;
};

struct Session {
    std::string deviceId;
    std::string token;
};

grpc::Status login(const std::shared_ptr<grpc::Channel> &channel, const QString &user, Session *out)
{
    v1::LoginRequest request;
    request.set_username(user.toStdString());
    request.set_password(ServerProcess::kPassword);
    out->deviceId = uuid();
    request.set_device_id(out->deviceId);
    request.set_device_name("stress " + user.toStdString());
    v1::LoginResponse response;
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
    const grpc::Status status = v1::Auth::NewStub(channel)->Login(&context, request, &response);
    out->token = response.token();
    return status;
}

void authorize(grpc::ClientContext *context, const Session &session)
{
    context->AddMetadata("authorization", "Bearer " + session.token);
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
}

// One change as a puller keeps it: its number and the op that made it.
struct Pulled {
    std::map<qint64, std::string> opBySeq;
};

// Pulls from `since` until the server says there is no more; random page sizes, a random
// server each page. False (with a problem) on a duplicate or a failed call.
bool drain(std::vector<std::unique_ptr<v1::Sync::Stub>> &stubs, const Session &session,
           std::mt19937 &random, qint64 *cursor, Pulled *pulled, Problems &problems,
           const QString &who)
{
    std::uniform_int_distribution<int> pageSize(1, 40);
    for (;;) {
        v1::PullRequest request;
        request.set_since_server_seq(*cursor);
        request.set_page_size(pageSize(random));
        v1::PullResponse response;
        grpc::ClientContext context;
        authorize(&context, session);
        const grpc::Status status
            = stubs[random() % stubs.size()]->Pull(&context, request, &response);
        if (!status.ok()) {
            problems.add(QStringLiteral("%1: pull failed: %2")
                             .arg(who, QString::fromStdString(status.error_message())));
            return false;
        }
        for (const v1::Change &change : response.changes()) {
            const QJsonObject content
                = QJsonDocument::fromJson(QByteArray::fromStdString(change.record().content()))
                      .object();
            const auto [at, added] = pulled->opBySeq.emplace(
                change.server_seq(), content.value(QStringLiteral("op")).toString().toStdString());
            if (!added) {
                problems.add(
                    QStringLiteral("%1: change %2 pulled twice").arg(who).arg(change.server_seq()));
                return false;
            }
            if (change.server_seq() <= *cursor) {
                problems.add(QStringLiteral("%1: change %2 behind the cursor %3")
                                 .arg(who)
                                 .arg(change.server_seq())
                                 .arg(*cursor));
                return false;
            }
        }
        *cursor = response.next_server_seq();
        if (!response.has_more())
            return true;
    }
}

} // namespace

class TestFeedStress : public QObject {
    Q_OBJECT

private slots:
    // Servers (and admin commands) that start at once on a new database make its schema
    // once: each waits for the migration lock, the later ones find the work done.
    void simultaneousStartsMigrateOnce()
    {
        PgTestDatabase database(QStringLiteral("migrateonce"));
        QString error;
        QVERIFY2(database.create(&error), qPrintable(error));
        std::vector<std::unique_ptr<QProcess>> admins;
        for (int i = 0; i < 4; ++i) {
            admins.push_back(std::make_unique<QProcess>());
            admins.back()->start(QStringLiteral(QINGSHUI_SERVER_PATH),
                                 {QStringLiteral("user"), QStringLiteral("list"),
                                  QStringLiteral("--db"), database.url()});
        }
        for (const auto &admin : admins) {
            QVERIFY(admin->waitForFinished(60000));
            QVERIFY2(admin->exitCode() == 0, admin->readAllStandardError().constData());
        }
        ServerProcess server(database.url());
        QTemporaryDir blobs;
        QVERIFY2(server.start({QStringLiteral("--blobs"), blobs.path()}),
                 qPrintable(server.errorOutput()));
        QVERIFY2(server.addUser(QStringLiteral("admin"), QStringLiteral("admin")),
                 qPrintable(server.adminOutput()));
    }

    void everyPullerEndsWithExactlyTheServersSet()
    {
        PgTestDatabase database(QStringLiteral("feedstress"));
        QString error;
        QVERIFY2(database.create(&error), qPrintable(error));
        QTemporaryDir blobs;
        ServerProcess first(database.url()), second(database.url());
        const QStringList shared {QStringLiteral("--blobs"), blobs.path()};
        // Both start at once: the schema is made once, under the migration lock.
        QVERIFY2(first.start(shared), qPrintable(first.errorOutput()));
        QVERIFY2(second.start(shared), qPrintable(second.errorOutput()));
        QCOMPARE(first.epoch(), second.epoch()); // one history
        for (int i = 0; i < kDevices; ++i)
            QVERIFY2(first.addUser(QStringLiteral("inspector%1").arg(i),
                                   QStringLiteral("inspector"), QLatin1String(kCounty)),
                     qPrintable(first.adminOutput()));
        for (int i = 0; i < kPullers; ++i)
            QVERIFY2(second.addUser(QStringLiteral("supervisor%1").arg(i),
                                    QStringLiteral("supervisor"), QLatin1String(kCounty)),
                     qPrintable(second.adminOutput()));

        std::vector<std::shared_ptr<grpc::Channel>> channels;
        for (ServerProcess *server : {&first, &second})
            channels.push_back(grpc::CreateChannel(server->address().toStdString(),
                                                   grpc::InsecureChannelCredentials()));
        const auto stubs = [&] {
            std::vector<std::unique_ptr<v1::Sync::Stub>> out;
            for (const auto &channel : channels)
                out.push_back(v1::Sync::NewStub(channel));
            return out;
        };

        // Logins through either server: a token one server issued works on the other.
        std::vector<Session> devices(kDevices), pullers(kPullers);
        for (int i = 0; i < kDevices; ++i) {
            const grpc::Status s
                = login(channels[i % 2], QStringLiteral("inspector%1").arg(i), &devices[size_t(i)]);
            QVERIFY2(s.ok(), s.error_message().c_str());
        }
        for (int i = 0; i < kPullers; ++i) {
            const grpc::Status s = login(
                channels[(i + 1) % 2], QStringLiteral("supervisor%1").arg(i), &pullers[size_t(i)]);
            QVERIFY2(s.ok(), s.error_message().c_str());
        }

        Problems problems;
        QMutex ackedMutex;
        std::set<std::string> ackedOps; // every op a Push acknowledged
        std::atomic<int> pushersLeft {kDevices};

        std::vector<std::thread> threads;
        for (int d = 0; d < kDevices; ++d) {
            threads.emplace_back([&, d] {
                auto syncStubs = stubs();
                std::mt19937 random(1000 + d);
                const Session &session = devices[size_t(d)];
                std::vector<std::string> records;
                qint64 clientSeq = 0;
                v1::PushRequest previous;
                for (int round = 0; round < kRounds; ++round) {
                    v1::PushRequest request;
                    // Now and then the last batch again, as after a lost acknowledgement:
                    // acknowledged again, stored once.
                    const bool repeat = round % 7 == 6;
                    if (repeat) {
                        request = previous;
                    } else {
                        request.set_device_id(session.deviceId);
                        const int ops = 1 + int(random() % 4);
                        for (int o = 0; o < ops; ++o) {
                            v1::Op *op = request.add_ops();
                            op->set_op_id(uuid());
                            op->set_client_seq(++clientSeq);
                            if (records.empty() || random() % 3 == 0)
                                records.push_back(uuid());
                            v1::Record *r = op->mutable_upsert_record();
                            r->set_id(records[random() % records.size()]);
                            r->set_template_id("ecology");
                            r->set_category("ecology");
                            r->set_village_code(std::string(kCounty) + "100200");
                            r->set_status(v1::RECORD_STATUS_SUBMITTED);
                            r->set_content(
                                QJsonDocument(QJsonObject {{QStringLiteral("op"),
                                                            QString::fromStdString(op->op_id())}})
                                    .toJson(QJsonDocument::Compact)
                                    .toStdString());
                        }
                        previous = request;
                    }
                    v1::PushResponse response;
                    grpc::ClientContext context;
                    authorize(&context, session);
                    const grpc::Status status
                        = syncStubs[size_t(round + d) % 2]->Push(&context, request, &response);
                    if (!status.ok()) {
                        problems.add(QStringLiteral("device %1 round %2: push failed: %3")
                                         .arg(d)
                                         .arg(round)
                                         .arg(QString::fromStdString(status.error_message())));
                        break;
                    }
                    QMutexLocker lock(&ackedMutex);
                    for (const v1::Op &op : request.ops())
                        ackedOps.insert(op.op_id());
                }
                --pushersLeft;
            });
        }

        std::vector<Pulled> pulled(kPullers);
        for (int p = 0; p < kPullers; ++p) {
            threads.emplace_back([&, p] {
                auto pullStubs = stubs();
                std::mt19937 random(2000 + p);
                qint64 cursor = 0;
                const QString who = QStringLiteral("puller %1").arg(p);
                // While the pushes land, and once more after the last one returned.
                bool last = false;
                while (!last) {
                    last = pushersLeft.load() == 0;
                    if (!drain(pullStubs, pullers[size_t(p)], random, &cursor, &pulled[size_t(p)],
                               problems, who))
                        return;
                }
            });
        }
        for (std::thread &t : threads)
            t.join();
        QVERIFY2(problems.list().isEmpty(), qPrintable(problems.list().join(QLatin1Char('\n'))));

        // The server's set: everything, pulled from the start once all is committed.
        auto finalStubs = stubs();
        std::mt19937 random(3000);
        qint64 cursor = 0;
        Pulled server;
        QVERIFY(drain(finalStubs, pullers[0], random, &cursor, &server, problems,
                      QStringLiteral("final pull")));
        QVERIFY2(problems.list().isEmpty(), qPrintable(problems.list().join(QLatin1Char('\n'))));

        std::multiset<std::string> serverOps;
        for (const auto &[seq, op] : server.opBySeq)
            serverOps.insert(op);
        QCOMPARE(serverOps.size(), ackedOps.size()); // each acknowledged op stored once
        QVERIFY(std::equal(ackedOps.begin(), ackedOps.end(),
                           std::set<std::string>(serverOps.begin(), serverOps.end()).begin()));
        QVERIFY(ackedOps.size() > size_t(kDevices * kRounds)); // the batches did land
        for (int p = 0; p < kPullers; ++p) {
            const Pulled &mine = pulled[size_t(p)];
            QVERIFY2(mine.opBySeq == server.opBySeq,
                     qPrintable(QStringLiteral("puller %1 holds %2 changes, the server %3")
                                    .arg(p)
                                    .arg(mine.opBySeq.size())
                                    .arg(server.opBySeq.size())));
        }
        qInfo("%zu changes from %d devices through 2 servers; %d pullers each hold exactly them",
              server.opBySeq.size(), kDevices, kPullers);
    }
};

QTEST_GUILESS_MAIN(TestFeedStress)
#include "tst_feedstress.moc"
