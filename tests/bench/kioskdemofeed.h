#pragma once

#include <QString>
#include <memory>

class ServerProcess;

// The kiosk demo's public copies and photos (KioskDemoData: ~24 copies over 8 units and every
// category, 1–3 drawn photos each) brought by the real path: on a real qingshui-server on
// loopback a tablet submits them with its stamped photos and syncs (records, then photos up);
// a supervisor pulls, approves and publishes each with all its photos ticked (the server
// makes the public renditions). A kiosk account then logs in to the store given, whose own
// sync pulls the public copies and fetches their renditions.
class KioskDemoFeed {
public:
    KioskDemoFeed();
    ~KioskDemoFeed(); // stops the server

    // Everything up to the publication, in workDir; false with error() set.
    bool publish(const QString &workDir);
    // Logs a kiosk account in to the store at storePath (created if need be).
    bool logInKiosk(const QString &storePath);
    QString address() const;
    QString error() const { return m_error; }
    int copiesPublished() const { return m_copies; }
    int photosPublished() const { return m_photos; }

private:
    std::unique_ptr<ServerProcess> m_server;
    QString m_error;
    int m_copies = 0;
    int m_photos = 0;
};
