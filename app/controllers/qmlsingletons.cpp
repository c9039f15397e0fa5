#include "qmlsingletons.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSingletons, "qs.qml")

QObject *QmlSingletons::handOver(QObject *service, const char *name)
{
    if (!service) {
        // A page of another face, or a binding that should have checked App.mode.
        qCCritical(lcSingletons) << "this face of the app has no" << name;
        return nullptr;
    }
    // ServiceHost owns the services; the engine must not delete them.
    QJSEngine::setObjectOwnership(service, QJSEngine::CppOwnership);
    return service;
}
