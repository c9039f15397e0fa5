#pragma once

#include <QObject>

// What the system says about the network (QNetworkInformation), where it can say anything:
// tells when the network comes back after being down. Without a backend that reports
// reachability (hasBackend() false) it stays silent and the scheduler probes the server.
class NetworkWatch : public QObject {
    Q_OBJECT
public:
    // useSystem false: behave as on a machine without a backend (tests of the probing path).
    explicit NetworkWatch(bool useSystem, QObject *parent = nullptr);

    bool hasBackend() const { return m_hasBackend; }

signals:
    void networkCameBack();

private:
    bool m_hasBackend = false;
    bool m_down = false;
};
