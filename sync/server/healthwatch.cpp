#include "healthwatch.h"

#include "healthprobe.h"

#include <grpcpp/health_check_service_interface.h>

#include <cstdio>

HealthWatch::HealthWatch(HealthProbe &probe, grpc::HealthCheckServiceInterface &health,
                         std::vector<std::string> services, std::chrono::milliseconds interval)
    : m_probe(probe), m_health(health), m_services(std::move(services)), m_interval(interval)
{
    update(); // the first answer is known before the server says it listens
    m_thread = std::thread([this] {
        std::unique_lock lock(m_mutex);
        while (!m_wake.wait_for(lock, m_interval, [this] { return m_stopping; })) {
            lock.unlock();
            update();
            lock.lock();
        }
    });
}

HealthWatch::~HealthWatch()
{
    stop();
    m_thread.join();
}

void HealthWatch::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        m_stopping = true;
    }
    m_wake.notify_one();
    m_health.SetServingStatus(false);
}

void HealthWatch::update()
{
    QString problem;
    const bool serving = m_probe.check(&problem);
    std::lock_guard lock(m_mutex);
    if (m_stopping || int(serving) == m_serving)
        return;
    const bool recovered = m_serving == 0;
    m_serving = serving;
    // The services before the server as a whole: whoever sees "" change finds them changed.
    for (const std::string &service : m_services)
        m_health.SetServingStatus(service, serving);
    m_health.SetServingStatus("", serving);
    if (serving && recovered)
        std::fprintf(stderr, "qingshui-server: health SERVING\n");
    else if (!serving)
        std::fprintf(stderr, "qingshui-server: health NOT_SERVING: %s\n", qPrintable(problem));
}
