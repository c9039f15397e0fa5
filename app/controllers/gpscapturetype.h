#pragma once

#include "positioning/gpscapture.h"

#include <QQmlEngine>

// Makes the GPS capture's properties and State enum known to QML as GpsCapture.
struct GpsCaptureForeign {
    Q_GADGET
    QML_FOREIGN(GpsCapture)
    QML_NAMED_ELEMENT(GpsCapture)
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
};
