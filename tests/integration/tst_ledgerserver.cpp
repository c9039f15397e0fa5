// The server decides the rectification ledger (docs/sync.md, "The ledger"), through raw gRPC
// against a real qingshui-server on loopback, on both backends (tst_ledgerserver and
// tst_ledgerserver_pg): the whole loop raise → assign → progress → fix (with its photo
// uploaded) → re-check on site → close, pulled by those whose scope covers the problem and not
// by others; each bad input refused with its code and nothing stored; two tablets reporting a
// fix offline on one problem (both kept, the later flagged); an op pushed twice stored once;
// a signed-off month frozen; the supervisor downloading the fix photo; a closed problem
// published to the kiosks as public renditions, with the closure tallies.
#include "blobcalls.h"
#include "domain/problemledger.h"
#include "serverprocess.h"
#include "serverstore.h"
#include "testtoken.h"

#include "qingshui/v1/blobs.grpc.pb.h"
#include "qingshui/v1/common.pb.h"
#include "qingshui/v1/sync.grpc.pb.h"

#include <QBuffer>
#include <QDateTime>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

namespace v1 = qingshui::v1;

namespace {

// 淅川县 (411326): three of its townships, each with a village; 郧西县 (420322) is elsewhere.
constexpr auto kVillage = "411326105200"; // 上集镇 (the loop, the rules)
constexpr auto kOtherTownshipVillage = "411326106201";
constexpr auto kSignoffVillage = "411326107201"; // the sign-off rules' township
constexpr auto kFrozenVillage = "411326108201"; // the frozen month's township
constexpr auto kFarVillage = "420322100200";

// Where the problems are found; a re-check 1 km north is off site (default radius 100 m).
constexpr double kLatitude = 33.137;
constexpr double kLongitude = 111.489;
constexpr double kOneKmNorth = 0.009;

constexpr qint64 kDayMs = 24 * 3600 * 1000;

struct Tablet {
    explicit Tablet(QString name) : user(std::move(name)) { }
    QString user;
    std::string device = uuid();
    QByteArray token;
};

// The refusal a failed call carries (code empty: none).
v1::Refusal refusalOf(const grpc::Status &status)
{
    v1::Refusal refusal;
    refusal.ParseFromString(status.error_details());
    return refusal;
}

QStringList argsOf(const v1::Refusal &refusal)
{
    QStringList args;
    for (const std::string &a : refusal.args())
        args << QString::fromStdString(a);
    return args;
}

v1::ProblemEvent problemEvent(const std::string &problemId, v1::ProblemAction action, qint64 base)
{
    v1::ProblemEvent e;
    e.set_id(uuid());
    e.set_problem_id(problemId);
    e.set_action(action);
    e.set_base_server_seq(base);
    e.set_created_at_ms(QDateTime::currentMSecsSinceEpoch());
    return e;
}

void placeAt(v1::ProblemEvent *e, double latitude, double longitude)
{
    e->mutable_point()->set_latitude(latitude);
    e->mutable_point()->set_longitude(longitude);
    e->mutable_point()->set_accuracy_m(5);
}

v1::ProblemEvent raise(const std::string &problemId, const char *village)
{
    v1::ProblemEvent e = problemEvent(problemId, v1::PROBLEM_ACTION_RAISE, 0);
    e.set_village_code(village);
    e.set_category("sanitation.toilet");
    e.set_severity(2);
    e.set_comment("户厕化粪池破损，粪污外溢");
    placeAt(&e, kLatitude, kLongitude);
    return e;
}

v1::ProblemEvent assign(const std::string &problemId, qint64 base, qint64 deadlineMs)
{
    v1::ProblemEvent e = problemEvent(problemId, v1::PROBLEM_ACTION_ASSIGN, base);
    e.set_responsible_kind(v1::RESPONSIBLE_KIND_VILLAGE);
    e.set_responsible_code(kVillage);
    e.set_responsible_name("村民委员会");
    e.set_deadline_ms(deadlineMs);
    return e;
}

v1::ProblemEvent recheck(const std::string &problemId, qint64 base, bool passed, double latitude)
{
    v1::ProblemEvent e = problemEvent(problemId, v1::PROBLEM_ACTION_RECHECK, base);
    e.set_recheck_passed(passed);
    placeAt(&e, latitude, kLongitude);
    return e;
}

// A JPEG photo (a public rendition must be made from a real picture).
QByteArray jpegPhoto(int seed)
{
    QImage image(640, 480, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, qRgb((x * seed) % 256, (y + seed * 40) % 256, (x ^ y) % 256));
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 90);
    return bytes;
}

// A call that must succeed; else its message and refusal code say why.
#define QVERIFY_OK(call)                                                                           \
    do {                                                                                           \
        const grpc::Status status_ = (call);                                                       \
        QVERIFY2(status_.ok(),                                                                     \
                 (status_.error_message() + " [" + refusalOf(status_).code() + "]").c_str());      \
    } while (false)

} // namespace

class TestLedgerServer : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_dbPath;
    std::unique_ptr<ServerProcess> m_server;
    std::shared_ptr<grpc::Channel> m_channel;
    qint64 m_clientSeq = 0;

    Tablet m_inspector {QStringLiteral("ins")}; // 淅川县
    Tablet m_inspectorTwo {QStringLiteral("ins2")}; // 淅川县, a second tablet and account
    Tablet m_farInspector {QStringLiteral("far")}; // 郧西县
    Tablet m_township {QStringLiteral("town")}; // 上集镇's supervisor
    Tablet m_county {QStringLiteral("county")}; // 淅川县's supervisor
    Tablet m_signoffTownship {QStringLiteral("town7")}; // township 411326107
    Tablet m_frozenTownship {QStringLiteral("town8")}; // township 411326108
    Tablet m_kiosk {QStringLiteral("kiosk")};

    std::string m_closedProblem; // closed by wholeLoop
    qint64 m_closedHead = 0; // its last event
    QByteArray m_beforePhoto, m_fixPhoto; // wholeLoop's

    v1::Op opOf(const v1::ProblemEvent &e)
    {
        v1::Op op;
        op.set_op_id(uuid());
        op.set_client_seq(++m_clientSeq);
        *op.mutable_problem() = e;
        return op;
    }
    v1::Op opOf(const v1::LedgerSignoff &s)
    {
        v1::Op op;
        op.set_op_id(uuid());
        op.set_client_seq(++m_clientSeq);
        *op.mutable_signoff() = s;
        return op;
    }

    // One push; *head: the server's last change after it (the pushed event's number when it
    // is the only change).
    grpc::Status push(const Tablet &t, const std::vector<v1::Op> &ops, qint64 *head = nullptr)
    {
        v1::PushRequest request;
        request.set_device_id(t.device);
        for (const v1::Op &op : ops)
            *request.add_ops() = op;
        v1::PushResponse response;
        grpc::ClientContext context;
        authorize(&context, t.token);
        const grpc::Status status
            = v1::Sync::NewStub(m_channel)->Push(&context, request, &response);
        if (head)
            *head = response.head().server_seq();
        return status;
    }
    grpc::Status push(const Tablet &t, const v1::ProblemEvent &e, qint64 *head = nullptr)
    {
        return push(t, {opOf(e)}, head);
    }

    // Every change the account may pull (all pages); the last page's closure tallies.
    std::vector<v1::Change> pullAll(const Tablet &t,
                                    std::vector<v1::ClosureTally> *tallies = nullptr)
    {
        std::vector<v1::Change> changes;
        qint64 cursor = 0;
        for (;;) {
            v1::PullRequest request;
            request.set_since_server_seq(cursor);
            request.set_page_size(7); // several pages: records and ledger merged in order
            v1::PullResponse response;
            grpc::ClientContext context;
            authorize(&context, t.token);
            if (!v1::Sync::NewStub(m_channel)->Pull(&context, request, &response).ok())
                return {};
            for (const v1::Change &c : response.changes())
                changes.push_back(c);
            cursor = response.next_server_seq();
            if (!response.has_more()) {
                if (tallies)
                    tallies->assign(response.closure_tallies().begin(),
                                    response.closure_tallies().end());
                return changes;
            }
            if (response.closure_tallies_size() > 0)
                return {}; // only the page that ends the pull brings them
        }
    }

    // The events of one problem among pulled changes, in server order.
    static std::vector<v1::Change> eventsOf(const std::vector<v1::Change> &changes,
                                            const std::string &problemId)
    {
        std::vector<v1::Change> out;
        for (const v1::Change &c : changes) {
            if (c.has_problem() && c.problem().problem_id() == problemId)
                out.push_back(c);
        }
        return out;
    }

    int storedEvents(const std::string &problemId)
    {
        return serverStoreCount(m_dbPath,
                                QStringLiteral("SELECT count(*) FROM problem_event "
                                               "WHERE problem_id = '%1'")
                                    .arg(QString::fromStdString(problemId)));
    }

    // Uploads the photo's bytes as the tablet's account (one chunk).
    bool upload(const Tablet &t, const QByteArray &bytes)
    {
        v1::BlobChunk chunk = chunkOf(bytes, 0, bytes.size());
        chunk.set_sha256(shaOf(bytes).toStdString());
        chunk.set_total_size(bytes.size());
        v1::UploadBlobResponse response;
        grpc::ClientContext context;
        authorize(&context, t.token);
        auto writer = v1::Blobs::NewStub(m_channel)->UploadBlob(&context, &response);
        writer->Write(chunk);
        writer->WritesDone();
        return writer->Finish().ok();
    }

    grpc::Status download(const Tablet &t, const QString &sha, QByteArray *bytes)
    {
        v1::DownloadBlobRequest request;
        request.set_sha256(sha.toStdString());
        grpc::ClientContext context;
        authorize(&context, t.token);
        auto reader = v1::Blobs::NewStub(m_channel)->DownloadBlob(&context, request);
        v1::BlobChunk chunk;
        while (reader->Read(&chunk))
            bytes->append(QByteArray::fromStdString(chunk.data()));
        return reader->Finish();
    }

    // A problem raised by the inspector and assigned by the township: *head its last event.
    bool raiseAndAssign(const std::string &problemId, qint64 *head)
    {
        grpc::Status s = push(m_inspector, raise(problemId, kVillage), head);
        if (s.ok())
            s = push(m_township,
                     assign(problemId, *head, QDateTime::currentMSecsSinceEpoch() + 7 * kDayMs),
                     head);
        if (!s.ok())
            qWarning("raise and assign: %s [%s]", s.error_message().c_str(),
                     refusalOf(s).code().c_str());
        return s.ok();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_dbPath = m_dir.filePath(QStringLiteral("server.db"));
        m_server = std::make_unique<ServerProcess>(m_dbPath);
        QVERIFY(m_server->addUser("ins", "inspector", "411326"));
        QVERIFY(m_server->addUser("ins2", "inspector", "411326"));
        QVERIFY(m_server->addUser("far", "inspector", "420322"));
        QVERIFY(m_server->addUser("town", "supervisor", "411326105"));
        QVERIFY(m_server->addUser("county", "supervisor", "411326"));
        QVERIFY(m_server->addUser("town7", "supervisor", "411326107"));
        QVERIFY(m_server->addUser("town8", "supervisor", "411326108"));
        QVERIFY(m_server->addUser("kiosk", "kiosk"));
        QVERIFY(m_server->start());
        m_channel = channelTo(m_server->address());
        for (Tablet *t : {&m_inspector, &m_inspectorTwo, &m_farInspector, &m_township, &m_county,
                          &m_signoffTownship, &m_frozenTownship, &m_kiosk}) {
            QString error;
            QVERIFY2(logInForToken(m_channel, t->user, t->device, &t->token, &error),
                     qPrintable(error));
        }
    }

    // What the server logged when a test failed (why it could not store a batch).
    void cleanup()
    {
        if (QTest::currentTestFailed())
            qWarning("server: %s", qPrintable(m_server->errorOutput()));
    }

    // raise → assign → progress → fix (photo uploaded) → re-check on site → close; pulled in
    // scope with the server's fields set, not pulled out of scope; the supervisor downloads
    // the fix photo, an inspector of another county cannot.
    void wholeLoop()
    {
        const std::string id = uuid();
        m_beforePhoto = jpegPhoto(1);
        m_fixPhoto = jpegPhoto(2);
        QVERIFY(upload(m_inspector, m_beforePhoto));
        QVERIFY(upload(m_inspector, m_fixPhoto));

        qint64 head = 0;
        v1::ProblemEvent raised = raise(id, kVillage);
        raised.add_photo_sha256(shaOf(m_beforePhoto).toStdString());
        raised.set_author("someone-else"); // the token says who
        QVERIFY_OK(push(m_inspector, raised, &head));
        QVERIFY_OK(push(m_township,
                        assign(id, head, QDateTime::currentMSecsSinceEpoch() + 7 * kDayMs), &head));
        QVERIFY_OK(push(m_inspector, problemEvent(id, v1::PROBLEM_ACTION_PROGRESS, head), &head));
        v1::ProblemEvent fix = problemEvent(id, v1::PROBLEM_ACTION_REPORT_FIX, head);
        fix.set_comment("化粪池已更换");
        fix.add_photo_sha256(shaOf(m_fixPhoto).toStdString());
        placeAt(&fix, kLatitude, kLongitude);
        QVERIFY_OK(push(m_inspector, fix, &head));
        // 20 m away: on site.
        QVERIFY_OK(push(m_township, recheck(id, head, true, kLatitude + 0.00018), &head));
        const grpc::Status closed
            = push(m_township, problemEvent(id, v1::PROBLEM_ACTION_CLOSE, head), &head);
        QVERIFY2(closed.ok(), closed.error_message().c_str());
        m_closedProblem = id;
        m_closedHead = head;

        for (const Tablet *inScope : {&m_county, &m_inspector, &m_township}) {
            const std::vector<v1::Change> events = eventsOf(pullAll(*inScope), id);
            QCOMPARE(events.size(), size_t(6));
            QList<ProblemEvent> folded;
            for (const v1::Change &c : events) {
                QVERIFY(c.fingerprint() != 0);
                QVERIFY(c.problem().received_at_ms() > 0);
                QCOMPARE(c.problem().ledger_month(),
                         ProblemLedger::monthOf(c.problem().received_at_ms()).toStdString());
                QCOMPARE(qint64(c.problem().conflict_with_server_seq()), qint64(0));
                ProblemEvent e;
                e.action = static_cast<ProblemAction>(c.problem().action());
                e.serverSeq = c.server_seq();
                e.receivedAtMs = c.problem().received_at_ms();
                folded << e;
            }
            QCOMPARE(events[0].problem().author(), std::string("ins"));
            QCOMPARE(events[1].problem().author(), std::string("town"));
            QCOMPARE(events[5].problem().action(), v1::PROBLEM_ACTION_CLOSE);
            QCOMPARE(ProblemLedger::fold(folded).state, ProblemState::Closed);
        }
        QVERIFY(eventsOf(pullAll(m_farInspector), id).empty());
        QVERIFY(eventsOf(pullAll(m_kiosk), id).empty());

        QByteArray bytes;
        const grpc::Status downloaded = download(m_county, shaOf(m_fixPhoto), &bytes);
        QVERIFY2(downloaded.ok(), downloaded.error_message().c_str());
        QCOMPARE(bytes, m_fixPhoto);
        bytes.clear();
        QVERIFY(!download(m_farInspector, shaOf(m_fixPhoto), &bytes).ok());
        QVERIFY(bytes.isEmpty());
    }

    void fixOnClosedProblemRefused()
    {
        QVERIFY(!m_closedProblem.empty());
        const int before = storedEvents(m_closedProblem);
        v1::ProblemEvent fix = problemEvent(m_closedProblem, v1::PROBLEM_ACTION_REPORT_FIX, 0);
        fix.set_comment("again");
        const grpc::Status s = push(m_inspector, fix);
        QCOMPARE(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
        QCOMPARE(refusalOf(s).code(), std::string("problem_closed"));
        QCOMPARE(argsOf(refusalOf(s)).value(0), QString::fromStdString(m_closedProblem));
        QCOMPARE(storedEvents(m_closedProblem), before);
    }

    // 1 km away without a reason: refused, nothing stored; with a reason: accepted.
    void recheckOffSiteNeedsReason()
    {
        const std::string id = uuid();
        qint64 head = 0;
        QVERIFY(raiseAndAssign(id, &head));
        v1::ProblemEvent fix = problemEvent(id, v1::PROBLEM_ACTION_REPORT_FIX, head);
        QVERIFY_OK(push(m_inspector, fix, &head));
        const int before = storedEvents(id);

        const grpc::Status s = push(m_township, recheck(id, head, true, kLatitude + kOneKmNorth));
        QCOMPARE(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
        QCOMPARE(refusalOf(s).code(), std::string("recheck_off_site"));
        const QStringList args = argsOf(refusalOf(s));
        QCOMPARE(args.size(), qsizetype(2));
        QVERIFY2(args[0].toInt() > 990 && args[0].toInt() < 1010, qPrintable(args[0]));
        QCOMPARE(args[1], QStringLiteral("100"));
        QCOMPARE(storedEvents(id), before);

        v1::ProblemEvent withReason = recheck(id, head, true, kLatitude + kOneKmNorth);
        withReason.set_off_site_reason("道路塌方，在对岸核实");
        QVERIFY_OK(push(m_township, withReason));
        QCOMPARE(storedEvents(id), before + 1);
    }

    // A deadline in the past, in a batch after a good op: the whole batch is refused.
    void deadlineInPastRefused()
    {
        const std::string id = uuid();
        const v1::Op raised = opOf(raise(id, kVillage));
        const v1::Op late = opOf(assign(id, 0, QDateTime::currentMSecsSinceEpoch() - kDayMs));
        const grpc::Status s = push(m_county, {raised, late});
        QCOMPARE(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
        QCOMPARE(refusalOf(s).code(), std::string("deadline_in_past"));
        QCOMPARE(argsOf(refusalOf(s)).size(), qsizetype(2));
        QCOMPARE(storedEvents(id), 0);
    }

    void assignmentOutOfScopeRefused()
    {
        const std::string id = uuid();
        qint64 head = 0;
        QVERIFY(raiseAndAssign(id, &head));
        const int before = storedEvents(id);
        v1::ProblemEvent move = assign(id, head, QDateTime::currentMSecsSinceEpoch() + 7 * kDayMs);
        move.set_village_code(kOtherTownshipVillage);
        const grpc::Status s = push(m_township, move);
        QCOMPARE(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
        QCOMPARE(refusalOf(s).code(), std::string("problem_outside_scope"));
        QCOMPARE(
            argsOf(refusalOf(s)),
            QStringList({QString::fromStdString(id), QString::fromLatin1(kOtherTownshipVillage)}));
        QCOMPARE(storedEvents(id), before);
        // Out of scope altogether: an inspector of another county cannot raise here.
        const grpc::Status far = push(m_farInspector, raise(uuid(), kVillage));
        QCOMPARE(refusalOf(far).code(), std::string("problem_outside_scope"));
        QVERIFY_OK(push(m_farInspector, raise(uuid(), kFarVillage)));
    }

    void inspectorCannotAssign()
    {
        const std::string id = uuid();
        qint64 head = 0;
        QVERIFY_OK(push(m_inspector, raise(id, kVillage), &head));
        const grpc::Status s
            = push(m_inspector, assign(id, head, QDateTime::currentMSecsSinceEpoch() + kDayMs));
        QCOMPARE(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
        QCOMPARE(refusalOf(s).code(), std::string("role_cannot_act"));
        QCOMPARE(argsOf(refusalOf(s)), QStringList {QStringLiteral("assign")});
        QCOMPARE(storedEvents(id), 1);
    }

    // Every open problem must be acknowledged; the county signs after the township; a
    // township's supervisor signs only for their own township.
    void signoffRules()
    {
        const std::string open = uuid();
        QVERIFY_OK(push(m_inspector, raise(open, kSignoffVillage)));
        const QString month = ProblemLedger::monthOf(QDateTime::currentMSecsSinceEpoch());
        const auto signoff = [&](v1::SignoffLevel level, bool acknowledge) {
            v1::LedgerSignoff s;
            s.set_id(uuid());
            s.set_township_code("411326107");
            s.set_month(month.toStdString());
            s.set_level(level);
            if (acknowledge)
                s.add_acknowledged_open_problem_ids(open);
            s.set_comment("本月台账已核");
            s.set_signer("someone-else");
            return s;
        };
        const auto signoffs = [&] {
            return serverStoreCount(m_dbPath,
                                    "SELECT count(*) FROM ledger_signoff "
                                    "WHERE township_code = '411326107'");
        };

        grpc::Status s
            = push(m_signoffTownship, {opOf(signoff(v1::SIGNOFF_LEVEL_TOWNSHIP, false))});
        QCOMPARE(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
        QCOMPARE(refusalOf(s).code(), std::string("signoff_open_items"));
        QCOMPARE(argsOf(refusalOf(s)),
                 QStringList({QStringLiteral("1"), QString::fromStdString(open)}));
        QCOMPARE(signoffs(), 0);

        s = push(m_county, {opOf(signoff(v1::SIGNOFF_LEVEL_COUNTY, true))});
        QCOMPARE(refusalOf(s).code(), std::string("signoff_township_first"));
        QCOMPARE(signoffs(), 0);

        s = push(m_frozenTownship, {opOf(signoff(v1::SIGNOFF_LEVEL_TOWNSHIP, true))});
        QCOMPARE(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
        QCOMPARE(refusalOf(s).code(), std::string("signoff_not_permitted"));
        QCOMPARE(signoffs(), 0);

        QVERIFY_OK(push(m_signoffTownship, {opOf(signoff(v1::SIGNOFF_LEVEL_TOWNSHIP, true))}));
        s = push(m_signoffTownship, {opOf(signoff(v1::SIGNOFF_LEVEL_TOWNSHIP, true))});
        QCOMPARE(refusalOf(s).code(), std::string("signoff_already"));
        QVERIFY_OK(push(m_county, {opOf(signoff(v1::SIGNOFF_LEVEL_COUNTY, true))}));
        QCOMPARE(signoffs(), 2);

        std::vector<std::string> signers;
        for (const v1::Change &c : pullAll(m_county)) {
            if (c.has_signoff() && c.signoff().township_code() == "411326107") {
                QVERIFY(c.signoff().received_at_ms() > 0);
                signers.push_back(c.signoff().signer());
            }
        }
        QCOMPARE(signers, std::vector<std::string>({"town7", "county"}));
        const auto seenBy = [&](const Tablet &t) {
            for (const v1::Change &c : pullAll(t)) {
                if (c.has_signoff() && c.signoff().township_code() == "411326107")
                    return true;
            }
            return false;
        };
        QVERIFY(seenBy(m_inspector));
        QVERIFY(!seenBy(m_township)); // another township's supervisor
        QVERIFY(!seenBy(m_farInspector));
    }

    // A signed-off month is frozen: the township's next event counts in the month after.
    void signoffFreezesTheMonth()
    {
        const std::string id = uuid();
        qint64 head = 0;
        QVERIFY_OK(push(m_inspector, raise(id, kFrozenVillage), &head));
        const std::vector<v1::Change> raised = eventsOf(pullAll(m_frozenTownship), id);
        QCOMPARE(raised.size(), size_t(1));
        const QString month = QString::fromStdString(raised[0].problem().ledger_month());

        v1::LedgerSignoff s;
        s.set_id(uuid());
        s.set_township_code("411326108");
        s.set_month(month.toStdString());
        s.set_level(v1::SIGNOFF_LEVEL_TOWNSHIP);
        s.add_acknowledged_open_problem_ids(id);
        QVERIFY_OK(push(m_frozenTownship, {opOf(s)}));

        v1::ProblemEvent later = assign(id, head, QDateTime::currentMSecsSinceEpoch() + kDayMs);
        later.set_responsible_code("411326108201");
        QVERIFY_OK(push(m_frozenTownship, later));
        const std::vector<v1::Change> events = eventsOf(pullAll(m_frozenTownship), id);
        QCOMPARE(events.size(), size_t(2));
        QCOMPARE(events[0].problem().ledger_month(), month.toStdString());
        QCOMPARE(QString::fromStdString(events[1].problem().ledger_month()),
                 ProblemLedger::nextMonth(month));
    }

    // Two tablets report a fix on one problem offline, from the same base: both are kept,
    // the later one flagged with the earlier's number. A concurrent re-check that the first
    // one's made the wrong state is kept and flagged too; one that is not concurrent is refused.
    void concurrentReportsBothKept()
    {
        const std::string id = uuid();
        qint64 base = 0;
        QVERIFY(raiseAndAssign(id, &base));
        qint64 first = 0, second = 0;
        v1::ProblemEvent a = problemEvent(id, v1::PROBLEM_ACTION_REPORT_FIX, base);
        a.set_comment("A 平板：已修复");
        v1::ProblemEvent b = problemEvent(id, v1::PROBLEM_ACTION_REPORT_FIX, base);
        b.set_comment("B 平板：已修复");
        QVERIFY_OK(push(m_inspector, a, &first));
        QVERIFY_OK(push(m_inspectorTwo, b, &second));
        std::vector<v1::Change> events = eventsOf(pullAll(m_county), id);
        QCOMPARE(events.size(), size_t(4));
        QCOMPARE(events[2].problem().id(), a.id());
        QCOMPARE(qint64(events[2].problem().conflict_with_server_seq()), qint64(0));
        QCOMPARE(events[3].problem().id(), b.id());
        QCOMPARE(qint64(events[3].problem().conflict_with_server_seq()), first);
        QCOMPARE(qint64(events[3].conflict_with_server_seq()), first);
        QCOMPARE(serverStoreCount(m_dbPath,
                                  QStringLiteral("SELECT conflict_with FROM problem_event "
                                                 "WHERE server_seq = %1")
                                      .arg(second)),
                 int(first));

        // The township fails the re-check (→ 退回重改). A tablet that had seen that cannot
        // re-check again: the state's refusal stands.
        qint64 failed = 0;
        QVERIFY_OK(push(m_township, recheck(id, second, false, kLatitude), &failed));
        const grpc::Status s = push(m_inspectorTwo, recheck(id, failed, true, kLatitude));
        QCOMPARE(refusalOf(s).code(), std::string("problem_wrong_state"));
        QCOMPARE(storedEvents(id), 5);
        // The inspector, offline, had passed it on site: kept, and flagged.
        QVERIFY_OK(push(m_inspector, recheck(id, second, true, kLatitude)));
        events = eventsOf(pullAll(m_county), id);
        QCOMPARE(events.size(), size_t(6));
        QCOMPARE(qint64(events[5].problem().conflict_with_server_seq()), failed);
    }

    void sameOpTwiceStoredOnce()
    {
        const std::string id = uuid();
        const v1::Op op = opOf(raise(id, kVillage));
        QVERIFY_OK(push(m_inspector, {op}));
        QVERIFY_OK(push(m_inspector, {op}));
        QCOMPARE(storedEvents(id), 1);
        // The same event under another op id (a device that lost its outbox's op id) too.
        v1::Op again = op;
        again.set_op_id(uuid());
        QVERIFY_OK(push(m_inspector, {again}));
        QCOMPARE(storedEvents(id), 1);
    }

    // The other refusals, each with its status and code, and nothing stored.
    void otherRefusalsStoreNothing()
    {
        const std::string id = uuid();
        qint64 head = 0;
        QVERIFY(raiseAndAssign(id, &head));
        QVERIFY_OK(push(m_inspector, problemEvent(id, v1::PROBLEM_ACTION_REPORT_FIX, head), &head));
        const int before = storedEvents(id);
        const auto refusal = [&](const Tablet &t, const v1::Op &op, grpc::StatusCode status) {
            const grpc::Status s = push(t, {op});
            if (s.error_code() != status)
                qWarning("status %d: %s", int(s.error_code()), s.error_message().c_str());
            return s.error_code() == status ? refusalOf(s) : v1::Refusal();
        };
        const auto failed = grpc::StatusCode::FAILED_PRECONDITION;
        const auto invalid = grpc::StatusCode::INVALID_ARGUMENT;

        v1::Refusal r
            = refusal(m_township, opOf(problemEvent(id, v1::PROBLEM_ACTION_CLOSE, head)), failed);
        QCOMPARE(r.code(), std::string("problem_not_rechecked"));
        const std::string unknown = uuid();
        r = refusal(m_inspector, opOf(problemEvent(unknown, v1::PROBLEM_ACTION_PROGRESS, 0)),
                    failed);
        QCOMPARE(r.code(), std::string("problem_unknown"));
        QCOMPARE(argsOf(r), QStringList {QString::fromStdString(unknown)});
        r = refusal(m_inspector, opOf(raise(id, kVillage)), failed);
        QCOMPARE(r.code(), std::string("problem_exists"));
        v1::ProblemEvent noComment = raise(uuid(), kVillage);
        noComment.clear_comment();
        r = refusal(m_inspector, opOf(noComment), invalid);
        QCOMPARE(r.code(), std::string("problem_event_invalid"));
        QCOMPARE(argsOf(r), QStringList {QStringLiteral("comment")});
        v1::ProblemEvent badId = raise("not-a-uuid", kVillage);
        r = refusal(m_inspector, opOf(badId), invalid);
        QCOMPARE(r.code(), std::string("request_invalid"));
        QCOMPARE(argsOf(r), QStringList {QStringLiteral("ops[0].problem.problem_id")});
        v1::ProblemEvent publish = problemEvent(id, v1::PROBLEM_ACTION_PUBLISH, head);
        r = refusal(m_township, opOf(publish), failed);
        QCOMPARE(r.code(), std::string("problem_wrong_state")); // not closed yet

        v1::LedgerSignoff month;
        month.set_id(uuid());
        month.set_township_code("411326105");
        month.set_month("2026-13");
        month.set_level(v1::SIGNOFF_LEVEL_TOWNSHIP);
        r = refusal(m_township, opOf(month), invalid);
        QCOMPARE(r.code(), std::string("signoff_month_invalid"));
        QCOMPARE(storedEvents(id), before);
        QCOMPARE(serverStoreCount(m_dbPath,
                                  "SELECT count(*) FROM ledger_signoff "
                                  "WHERE township_code = '411326105'"),
                 0);

        // A photo of another problem cannot be published with a closed one.
        QVERIFY(!m_closedProblem.empty());
        v1::ProblemEvent foreign
            = problemEvent(m_closedProblem, v1::PROBLEM_ACTION_PUBLISH, m_closedHead);
        foreign.add_published_after_sha256(std::string(64, 'a'));
        r = refusal(m_county, opOf(foreign), failed);
        QCOMPARE(r.code(), std::string("publish_photo_not_in_problem"));
        QCOMPARE(serverStoreCount(m_dbPath, "SELECT count(*) FROM public_problem"), 0);
    }

    // A closed problem published: the kiosks get its copy with public renditions (not the
    // originals) and may download those; the closure tallies count every problem.
    void publishedToKiosks()
    {
        QVERIFY(!m_closedProblem.empty());
        v1::ProblemEvent publish
            = problemEvent(m_closedProblem, v1::PROBLEM_ACTION_PUBLISH, m_closedHead);
        publish.add_published_before_sha256(shaOf(m_beforePhoto).toStdString());
        publish.add_published_after_sha256(shaOf(m_fixPhoto).toStdString());
        const grpc::Status s = push(m_county, publish);
        QVERIFY2(s.ok(), s.error_message().c_str());

        std::vector<v1::ClosureTally> tallies;
        const std::vector<v1::Change> feed = pullAll(m_kiosk, &tallies);
        const v1::PublicProblem *copy = nullptr;
        for (const v1::Change &c : feed) {
            QVERIFY(!c.has_problem() && !c.has_signoff());
            if (c.has_public_problem() && c.public_problem().problem_id() == m_closedProblem)
                copy = &c.public_problem();
        }
        QVERIFY(copy);
        QCOMPARE(copy->village_code(), std::string(kVillage));
        QCOMPARE(copy->category(), std::string("sanitation.toilet"));
        QVERIFY(copy->closed_at_ms() >= copy->raised_at_ms());
        QCOMPARE(copy->before_sha256_size(), 1);
        QCOMPARE(copy->after_sha256_size(), 1);
        const QString rendition = QString::fromStdString(copy->after_sha256(0));
        QVERIFY(rendition != shaOf(m_fixPhoto));
        QByteArray bytes;
        QVERIFY(download(m_kiosk, rendition, &bytes).ok());
        QCOMPARE(shaOf(bytes), rendition);
        bytes.clear();
        QVERIFY(!download(m_kiosk, shaOf(m_fixPhoto), &bytes).ok());

        const auto tallyOf = [&](const char *unit) {
            for (const v1::ClosureTally &t : tallies) {
                if (t.unit_code() == unit)
                    return std::make_pair(t.raised(), t.closed());
            }
            return std::make_pair(-1, -1);
        };
        const int raisedHere = serverStoreCount(
            m_dbPath, "SELECT count(*) FROM problem WHERE village_code LIKE '411326%'");
        QVERIFY(raisedHere > 5);
        QCOMPARE(tallyOf("411326"), std::make_pair(raisedHere, 1));
        QCOMPARE(tallyOf("411326105").second, 1);
        QCOMPARE(tallyOf("420322"), std::make_pair(1, 0));
    }

    // A device's known mark on a problem event or a sign-off is of this history: the server
    // finds the change's fingerprint there; another fingerprint is another history.
    void historyMarksOnLedgerChanges()
    {
        const std::vector<v1::Change> changes = pullAll(m_county);
        const auto ledgerChange = std::find_if(changes.rbegin(), changes.rend(), [](const auto &c) {
            return c.has_problem() || c.has_signoff();
        });
        QVERIFY(ledgerChange != changes.rend());
        const auto pullFrom = [&](quint64 fingerprint) {
            v1::PullRequest request;
            request.set_since_server_seq(ledgerChange->server_seq());
            request.mutable_known()->set_server_seq(ledgerChange->server_seq());
            request.mutable_known()->set_fingerprint(fingerprint);
            v1::PullResponse response;
            grpc::ClientContext context;
            authorize(&context, m_county.token);
            const grpc::Status status
                = v1::Sync::NewStub(m_channel)->Pull(&context, request, &response);
            return status.ok() ? int(response.epoch_changed()) : -1;
        };
        QVERIFY(ledgerChange->fingerprint() != 0);
        QCOMPARE(pullFrom(ledgerChange->fingerprint()), 0);
        QCOMPARE(pullFrom(ledgerChange->fingerprint() ^ 1), 1);
    }

    // --recheck-radius-m is the server's: with 2 km, a re-check 1 km away is on site.
    void recheckRadiusIsTheServersOption()
    {
        const QString path = m_dir.filePath(QStringLiteral("radius.db"));
        ServerProcess server(path);
        QVERIFY(server.addUser("ins", "inspector", "411326"));
        QVERIFY(server.addUser("town", "supervisor", "411326105"));
        QVERIFY(server.start({QStringLiteral("--recheck-radius-m"), QStringLiteral("2000")}));
        const std::shared_ptr<grpc::Channel> saved = m_channel;
        m_channel = channelTo(server.address());
        Tablet inspector(QStringLiteral("ins")), township(QStringLiteral("town"));
        QString error;
        for (Tablet *t : {&inspector, &township})
            QVERIFY2(logInForToken(m_channel, t->user, t->device, &t->token, &error),
                     qPrintable(error));
        const std::string id = uuid();
        qint64 head = 0;
        const grpc::Status raised = push(inspector, raise(id, kVillage), &head);
        const grpc::Status assigned
            = push(township, assign(id, head, QDateTime::currentMSecsSinceEpoch() + kDayMs), &head);
        const grpc::Status fixed
            = push(inspector, problemEvent(id, v1::PROBLEM_ACTION_REPORT_FIX, head), &head);
        const grpc::Status rechecked
            = push(township, recheck(id, head, true, kLatitude + kOneKmNorth));
        m_channel = saved;
        QVERIFY_OK(raised);
        QVERIFY_OK(assigned);
        QVERIFY_OK(fixed);
        QVERIFY_OK(rechecked);
        // Not a distance: the server does not start.
        server.stop();
        QVERIFY(!server.start({QStringLiteral("--recheck-radius-m"), QStringLiteral("near")}));
    }

    // Kiosks push nothing, the ledger included.
    void kioskPushesNothing()
    {
        const grpc::Status s = push(m_kiosk, raise(uuid(), kVillage));
        QCOMPARE(refusalOf(s).code(), std::string("kiosk_read_only"));
    }
};

QTEST_GUILESS_MAIN(TestLedgerServer)
#include "tst_ledgerserver.moc"
