#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// One basemap package on the settings page's 底图 section (BasemapController::packages):
// what it is, how far its download is, and why it is not installed when it is not, in the
// user's words.
struct BasemapPackageLine {
    Q_GADGET
    QML_VALUE_TYPE(basemapPackageLine)
    Q_PROPERTY(QString sha256 MEMBER sha256 CONSTANT)
    Q_PROPERTY(QString name MEMBER name CONSTANT)
    Q_PROPERTY(QString scopeText MEMBER scopeText CONSTANT)
    Q_PROPERTY(QString sizeText MEMBER sizeText CONSTANT)
    Q_PROPERTY(QString stateText MEMBER stateText CONSTANT)
    Q_PROPERTY(double progress MEMBER progress CONSTANT)
    Q_PROPERTY(bool current MEMBER current CONSTANT)
    Q_PROPERTY(bool installed MEMBER installed CONSTANT)
    Q_PROPERTY(QString error MEMBER error CONSTANT)
public:
    QString sha256;
    QString name;
    QString scopeText; // the county or township it covers, or 手动导入
    QString sizeText;
    QString stateText; // 使用中, 已下载, 正在下载 42%, 等待下载 …
    double progress = 0; // 0..1 of its bytes on the device
    bool current = false; // the map shows it
    bool installed = false;
    QString error; // why the last fetch failed ('' : it did not)
};
