#pragma once

#include "syncengine.h"

#include <QQmlEngine>

// Makes the sync engine's properties and State enum known to QML as SyncEngine.
struct SyncEngineForeign {
    Q_GADGET
    QML_FOREIGN(SyncEngine)
    QML_NAMED_ELEMENT(SyncEngine)
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
};
