#include "loaddriver.h"

#include "qingshui/v1/sync.grpc.pb.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QUuid>

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <numeric>
#include <vector>

namespace v1 = qingshui::v1;

namespace {

std::string uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

// About 1 KB of answers, like the sync suite's records.
std::string content(int i)
{
    std::string note;
    while (note.size() < 700)
        note += "note-" + std::to_string(i) + "-";
    return R"({"answers":{"P1":true,"P3_area_m2":)" + std::to_string(100 + i % 900)
        + R"(,"location":{"lat":33.1,"lon":111.4,"accuracy_m":4.5},"note":")" + note + "\"}}";
}

// One tablet's session, prepared before the clock starts.
struct TabletRun {
    const LoadTablet *tablet = nullptr;
    std::string deviceId;
    std::string authorization;
    qint64 arrivalNs = 0;
    std::vector<v1::PushRequest> batches;
    std::vector<qint64> lastSeqOfBatch;
    size_t nextBatch = 0;
    qint64 cursor = 0;
    std::string epoch;
    int ownPulled = 0;
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<v1::Sync::Stub> stub;
};

// One call in flight: its tag on the completion queue.
struct Call {
    enum class Kind { Push, Pull } kind;
    TabletRun *run = nullptr;
    qint64 startNs = 0;
    grpc::ClientContext context;
    grpc::Status status;
    v1::PushResponse pushResponse;
    v1::PullResponse pullResponse;
    std::unique_ptr<grpc::ClientAsyncResponseReader<v1::PushResponse>> pushReader;
    std::unique_ptr<grpc::ClientAsyncResponseReader<v1::PullResponse>> pullReader;
};

std::vector<v1::PushRequest> batchesOf(const LoadTablet &tablet, const LoadPlan &plan,
                                       std::vector<qint64> *lastSeqs)
{
    std::vector<v1::PushRequest> batches;
    const qint64 createdMs = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < plan.records; ++i) {
        if (i % plan.batch == 0) {
            batches.emplace_back();
            batches.back().set_device_id(tablet.deviceId.toStdString());
        }
        v1::Op *op = batches.back().add_ops();
        op->set_op_id(uuid());
        op->set_client_seq(i + 1);
        v1::Record *r = op->mutable_upsert_record();
        r->set_id(uuid());
        r->set_template_id("sanitation.pond");
        r->set_template_version(1);
        r->set_category("sanitation");
        r->set_village_code(tablet.villageCode.toStdString());
        r->set_status(v1::RECORD_STATUS_SUBMITTED);
        r->set_created_at_ms(createdMs + i);
        r->set_updated_at_ms(createdMs + i);
        r->set_content(content(i));
        r->set_author_device_id(tablet.deviceId.toStdString());
        if (i % plan.batch == plan.batch - 1 || i == plan.records - 1)
            lastSeqs->push_back(i + 1);
    }
    return batches;
}

class Driver {
public:
    Driver(const QString &address, const LoadPlan &plan)
        : m_address(address.toStdString()), m_plan(plan)
    {
    }

    LoadOutcome run(std::vector<TabletRun> &runs, const std::function<void()> &idle)
    {
        std::vector<TabletRun *> order;
        for (TabletRun &r : runs)
            order.push_back(&r);
        std::sort(order.begin(), order.end(), [](const TabletRun *a, const TabletRun *b) {
            return a->arrivalNs < b->arrivalNs;
        });
        m_clock.start();
        size_t arrived = 0;
        qint64 lastIdleNs = 0;
        while (m_finished < runs.size()) {
            const qint64 now = m_clock.nsecsElapsed();
            while (arrived < order.size() && order[arrived]->arrivalNs <= now)
                arrive(order[arrived++]);
            qint64 waitNs = 50'000'000;
            if (arrived < order.size())
                waitNs = std::clamp<qint64>(order[arrived]->arrivalNs - now, 0, waitNs);
            void *tag = nullptr;
            bool ok = false;
            const auto status = m_queue.AsyncNext(
                &tag, &ok, std::chrono::system_clock::now() + std::chrono::nanoseconds(waitNs));
            if (status == grpc::CompletionQueue::GOT_EVENT)
                answered(std::unique_ptr<Call>(static_cast<Call *>(tag)));
            if (m_clock.nsecsElapsed() - lastIdleNs > 100'000'000) {
                idle();
                lastIdleNs = m_clock.nsecsElapsed();
            }
        }
        m_outcome.wallS = m_lastDoneNs / 1e9;
        m_queue.Shutdown();
        void *tag = nullptr;
        bool ok = false;
        while (m_queue.Next(&tag, &ok))
            delete static_cast<Call *>(tag);
        return m_outcome;
    }

private:
    void arrive(TabletRun *run)
    {
        grpc::ChannelArguments args;
        args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1); // a connection of its own
        args.SetMaxReceiveMessageSize(32 * 1024 * 1024);
        run->channel
            = grpc::CreateCustomChannel(m_address, grpc::InsecureChannelCredentials(), args);
        run->stub = v1::Sync::NewStub(run->channel);
        sendPush(run);
    }

    Call *newCall(Call::Kind kind, TabletRun *run)
    {
        auto *call = new Call;
        call->kind = kind;
        call->run = run;
        call->context.AddMetadata("authorization", run->authorization);
        call->context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
        call->startNs = m_clock.nsecsElapsed();
        return call;
    }

    void sendPush(TabletRun *run)
    {
        Call *call = newCall(Call::Kind::Push, run);
        v1::PushRequest &request = run->batches[run->nextBatch];
        request.set_device_time_ms(QDateTime::currentMSecsSinceEpoch());
        call->pushReader = run->stub->AsyncPush(&call->context, request, &m_queue);
        call->pushReader->Finish(&call->pushResponse, &call->status, call);
    }

    void sendPull(TabletRun *run)
    {
        Call *call = newCall(Call::Kind::Pull, run);
        v1::PullRequest request;
        request.set_since_server_seq(run->cursor);
        request.set_page_size(m_plan.pullPage);
        request.set_known_epoch(run->epoch);
        call->pullReader = run->stub->AsyncPull(&call->context, request, &m_queue);
        call->pullReader->Finish(&call->pullResponse, &call->status, call);
    }

    void answered(std::unique_ptr<Call> call)
    {
        TabletRun *run = call->run;
        const double ms = (m_clock.nsecsElapsed() - call->startNs) / 1e6;
        if (!call->status.ok())
            return fail(run,
                        (call->kind == Call::Kind::Push ? "push: " : "pull: ")
                            + call->status.error_message());
        if (call->kind == Call::Kind::Push) {
            m_outcome.pushMs << ms;
            const qint64 expected = run->lastSeqOfBatch[run->nextBatch];
            if (call->pushResponse.acked_client_seq() != expected)
                return fail(run,
                            "push acknowledged "
                                + std::to_string(call->pushResponse.acked_client_seq()) + ", not "
                                + std::to_string(expected));
            m_outcome.recordsAcked += run->batches[run->nextBatch].ops_size();
            run->epoch = call->pushResponse.server_epoch();
            if (++run->nextBatch < run->batches.size())
                return sendPush(run);
            return sendPull(run);
        }
        m_outcome.pullMs << ms;
        const v1::PullResponse &page = call->pullResponse;
        for (const v1::Change &change : page.changes()) {
            if (change.has_record() && change.record().author_device_id() == run->deviceId)
                ++run->ownPulled;
        }
        run->cursor = page.next_server_seq();
        run->epoch = page.server_epoch();
        if (page.has_more())
            return sendPull(run);
        if (run->ownPulled != m_plan.records)
            return fail(run,
                        "pulled " + std::to_string(run->ownPulled) + " of its own "
                            + std::to_string(m_plan.records) + " records");
        done(run);
    }

    void fail(TabletRun *run, const std::string &why)
    {
        ++m_outcome.errors;
        if (m_outcome.errorSamples.size() < 10)
            m_outcome.errorSamples
                << run->tablet->username + QStringLiteral(": ") + QString::fromStdString(why);
        done(run);
    }

    void done(TabletRun *run)
    {
        run->stub.reset();
        run->channel.reset();
        ++m_finished;
        m_lastDoneNs = m_clock.nsecsElapsed();
    }

    std::string m_address;
    LoadPlan m_plan;
    grpc::CompletionQueue m_queue;
    QElapsedTimer m_clock;
    LoadOutcome m_outcome;
    size_t m_finished = 0;
    qint64 m_lastDoneNs = 0;
};

} // namespace

LoadOutcome driveLoad(const QString &address, const QList<LoadTablet> &tablets,
                      const LoadPlan &plan, const std::function<void()> &idle)
{
    QRandomGenerator random(plan.seed);
    std::vector<TabletRun> runs(static_cast<size_t>(tablets.size()));
    for (qsizetype i = 0; i < tablets.size(); ++i) {
        TabletRun &run = runs[static_cast<size_t>(i)];
        run.tablet = &tablets[i];
        run.deviceId = tablets[i].deviceId.toStdString();
        run.authorization = "Bearer " + tablets[i].token.toStdString();
        run.arrivalNs = qint64(random.bounded(1.0) * plan.windowS * 1e9);
        run.batches = batchesOf(tablets[i], plan, &run.lastSeqOfBatch);
    }
    return Driver(address, plan).run(runs, idle);
}
