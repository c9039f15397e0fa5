#pragma once

#include <QObject>

// What the system says about the network (QNetworkInformation), where it can say anything:
// tells when the network comes back after being down. Loaded on first need, not at start:
// a device that always reaches its server never pays for it.
class NetworkWatch : public QObject {
    Q_OBJECT
public:
    // useSystem false: behave as on a machine without a backend (tests of the probing path).
    explicit NetworkWatch(bool useSystem, QObject *parent = nullptr);

    // Starts watching (once); true when a backend reports reachability. Without one nobody
    // says when the network is back, and the scheduler probes the server instead.
    bool start();

    // The network is metered (mobile data, a hotspot) as far as the system can say: large
    // downloads (basemaps) wait for another unless the user allows them. Unknown: false.
    bool isMetered();
    // Tests: answer isMetered() with this instead of asking the system.
    void setMeteredForTest(bool metered)
    {
        m_meteredForTest = metered;
        m_meteredGiven = true;
    }

signals:
    void networkCameBack();

private:
    bool m_useSystem;
    bool m_started = false;
    bool m_hasBackend = false;
    bool m_down = false;
    bool m_meteredForTest = false;
    bool m_meteredGiven = false;
};
