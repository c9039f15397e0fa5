#include "services.h"

#include "controllers/cameracontroller.h"
#include "controllers/formcontroller.h"
#include "controllers/inspectorcontroller.h"
#include "controllers/languagecontroller.h"
#include "controllers/positionstatus.h"
#include "controllers/syncerrortext.h"
#include "controllers/villagepickercontroller.h"
#include "models/recordlistmodel.h"
#include "models/unitlistmodel.h"
#include "syncengine.h"

Services *Services::s_instance = nullptr;

void Services::setInstance(Services *instance)
{
    s_instance = instance;
}

Services *Services::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(s_instance);
    // main() owns the services; the engine must not delete them.
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

QString Services::syncErrorText(const QString &code, const QStringList &args,
                                const QString &detail) const
{
    return SyncErrorText::describe(code, args, detail);
}
