#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace grpc {
class HealthCheckServiceInterface;
}
class HealthProbe;

// Keeps the standard health service (grpc.health.v1.Health) true to the database: asks the
// probe at start and every `interval`, and sets the server and each named service SERVING
// or NOT_SERVING, saying on stderr when that changes. Load balancers and probes ask the
// health service (Check) or follow it (Watch).
class HealthWatch {
public:
    HealthWatch(HealthProbe &probe, grpc::HealthCheckServiceInterface &health,
                std::vector<std::string> services, std::chrono::milliseconds interval);
    ~HealthWatch(); // stops the thread
    HealthWatch(const HealthWatch &) = delete;
    HealthWatch &operator=(const HealthWatch &) = delete;

    // NOT_SERVING from now on, whatever the probe says: the server is stopping.
    void stop();

private:
    void update();

    HealthProbe &m_probe;
    grpc::HealthCheckServiceInterface &m_health;
    const std::vector<std::string> m_services;
    const std::chrono::milliseconds m_interval;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    int m_serving = -1; // unknown until the first probe
    std::thread m_thread;
};
