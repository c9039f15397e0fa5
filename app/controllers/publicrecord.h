#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

// One published record as the kiosk shows it (PublicFeed::records): names in the UI language,
// date "yyyy-MM-dd", photoUrls the file URLs of its published photos already downloaded.
struct PublicRecord {
    Q_GADGET
    QML_VALUE_TYPE(publicRecord)
    Q_PROPERTY(QString recordId MEMBER recordId CONSTANT)
    Q_PROPERTY(QString title MEMBER title CONSTANT)
    Q_PROPERTY(QString unitCode MEMBER unitCode CONSTANT)
    Q_PROPERTY(QString unitName MEMBER unitName CONSTANT)
    Q_PROPERTY(QString villageName MEMBER villageName CONSTANT)
    Q_PROPERTY(QString category MEMBER category CONSTANT)
    Q_PROPERTY(QString categoryName MEMBER categoryName CONSTANT)
    Q_PROPERTY(QString date MEMBER date CONSTANT)
    Q_PROPERTY(QStringList photoUrls MEMBER photoUrls CONSTANT)
    Q_PROPERTY(int photoCount MEMBER photoCount CONSTANT)
public:
    QString recordId;
    QString title;
    QString unitCode;
    QString unitName;
    QString villageName;
    QString category;
    QString categoryName;
    QString date;
    QStringList photoUrls;
    int photoCount = 0;
};
