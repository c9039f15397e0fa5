#include "devicelogin.h"

#include "storage/syncmetarepository.h"
#include "storage/transaction.h"
#include "synctransport.h"

#include "qingshui/v1/auth.pb.h"

#include <QStringList>

bool logInDevice(QSqlDatabase db, SyncTransport &transport, const QString &username,
                 const QString &password, const QString &deviceName, QString *error)
{
    SyncMetaRepository meta(db);
    qingshui::v1::LoginRequest request;
    request.set_username(username.toStdString());
    request.set_password(password.toStdString());
    request.set_device_id(meta.deviceId().toStdString());
    request.set_device_name(deviceName.toStdString());
    qingshui::v1::LoginResponse response;
    if (!transport.login(request, &response)) {
        *error = transport.lastError();
        return false;
    }
    QStringList scopes;
    for (const std::string &code : response.scope_codes())
        scopes << QString::fromStdString(code);
    Transaction tx(db);
    const bool stored = meta.setValue(QLatin1String(SyncMetaRepository::kAuthToken),
                                      QString::fromStdString(response.token()))
        && meta.setValue(QLatin1String(SyncMetaRepository::kAuthUsername), username)
        && meta.setValue(QLatin1String(SyncMetaRepository::kAuthRole),
                         QString::number(response.role()))
        && meta.setValue(QLatin1String(SyncMetaRepository::kAuthScopes), scopes.join(','))
        && meta.setValue(QLatin1String(SyncMetaRepository::kAuthExpiresAtMs),
                         QString::number(response.expires_at_ms()))
        && tx.commit();
    if (!stored) {
        *error = QStringLiteral("local store: cannot keep the login");
        return false;
    }
    transport.setToken(QByteArray::fromStdString(response.token()));
    return true;
}
