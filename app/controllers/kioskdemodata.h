#pragma once

#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

class PhotoStore;

// Published public copies for a kiosk's demo run and its tests, as a kiosk's pull would store
// them (approved, synced; only yes/no and number answers), with photos drawn in code, stamped
// as a tablet stamps them, and only their public renditions (caption band cropped, no
// metadata: common/publicrendition.h, as the server makes them) stored in the photo folder.
namespace KioskDemoData {

struct PublicCopy {
    QString recordId; // empty when it could not be stored
    QStringList listedPhotos; // the photos its content lists (the ticked ones)
    QStringList unlistedPhotos; // photo files in the folder that it does not list
};

// One copy of a template of `category` in the first village of the unit (its code, or the
// 9-digit code of 武当山特区), with `listed` photos in its content and `unlisted` extra files.
PublicCopy addPublicCopy(QSqlDatabase db, PhotoStore &photos, const QString &unitCode,
                         const QString &category, qint64 updatedAtMs, int listed, int unlisted = 0);

// ~24 copies across several units and every category, only if the store has no record;
// returns how many it added.
int seedIfEmpty(QSqlDatabase db, PhotoStore &photos);

// The copies seedIfEmpty adds, newest first: the unit (as addPublicCopy takes it), the
// category, when, and how many photos each lists. The kiosk bench brings the same copies
// through a real server instead (tests/bench/kioskdemofeed.cpp).
struct DemoCopy {
    QString unitCode;
    QString category;
    qint64 updatedAtMs = 0;
    int photos = 0;
};
QList<DemoCopy> demoCopies(qint64 nowMs);

// What a tablet fills for a demo copy of `category`: the template, the question its photos
// answer and the yes/no and number answers (what a public copy keeps); templateId is empty
// for a category the demo has no copy of.
struct DemoForm {
    QString templateId;
    QString photoQuestion;
    QJsonObject answers;
};
DemoForm demoForm(const QString &category);

// A picture of the kind of work (fields, water, a toilet block, trees or a building site):
// what the demo's photos show.
QImage demoScene(const QString &category, int variant);

} // namespace KioskDemoData
