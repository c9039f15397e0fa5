#pragma once

#include "domain/record.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

// A record of a made-up template `<category>.x` whose one answer is the text `note`, in
// `village`, saved at `atMs`: what the list's filters and models tests fill a store with.
inline Record noteRecord(const QString &category, const QString &village, qint64 atMs,
                         const QString &note)
{
    Record r;
    r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.templateId = category + ".x";
    r.category = category;
    r.villageCode = village;
    r.createdAtMs = r.updatedAtMs = atMs;
    r.content = QJsonDocument(QJsonObject {{"answers", QJsonObject {{"note", note}}}}).toJson();
    r.authorDeviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return r;
}
