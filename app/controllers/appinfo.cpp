#include "appinfo.h"

#include "controllers/services.h"
#include "controllers/syncerrortext.h"

AppInfo::AppInfo(const QString &mode, const QString &version, QObject *parent)
    : QObject(parent), m_mode(mode), m_version(version)
{
}

AppInfo *AppInfo::create(QQmlEngine *, QJSEngine *)
{
    const Services *services = Services::instance();
    Q_ASSERT(services);
    return new AppInfo(services->mode, services->version); // the engine owns it
}

QString AppInfo::syncErrorText(const QString &code, const QStringList &args,
                               const QString &detail) const
{
    return SyncErrorText::describe(code, args, detail);
}
