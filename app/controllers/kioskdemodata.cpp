#include "kioskdemodata.h"

#include "common/publicrendition.h"
#include "domain/timeorderedid.h"
#include "media/photostore.h"
#include "storage/pulledpagewriter.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"
#include "storage/syncmetarepository.h"
#include "storage/templaterepository.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QSaveFile>
#include <QTemporaryDir>

namespace KioskDemoData {

namespace {

struct Kind {
    const char *category;
    const char *templateId;
    const char *photoQuestion;
    QJsonObject answers; // yes/no and numbers, as a redacted copy keeps them
};

const QList<Kind> &kinds()
{
    static const QList<Kind> all = {
        {"village_visit", "village_visit.pairing", "photos", {{"participants", 16}}},
        {"sanitation", "sanitation.pond", "photos", {{"C2", true}, {"C4", true}, {"C5", true}}},
        {"ecology", "ecology.fish_release", "photos", {{"count", 200000}, {"joint", true}}},
        {"ecology", "ecology.forest", "photos", {{"count", 1200}, {"area", 35}}},
        {"project_progress",
         "project_progress.cooperation",
         "photos",
         {{"percent_done", 80}, {"on_schedule", true}, {"quality_ok", true}}},
    };
    return all;
}

// A picture of the kind of work: fields, water, a toilet block, trees or a building site.
QImage drawScene(const QString &category, int variant)
{
    QImage image(1280, 960, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, 0, 480);
    sky.setColorAt(0, QColor(120 + variant * 20 % 60, 180, 235));
    sky.setColorAt(1, QColor(220, 235, 245));
    p.fillRect(image.rect(), sky);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(90, 130, 100)); // hills
    QPainterPath hills;
    hills.moveTo(0, 520);
    hills.cubicTo(300, 360 - variant * 20, 700, 600, 1280, 420);
    hills.lineTo(1280, 960);
    hills.lineTo(0, 960);
    p.drawPath(hills);
    if (category == QLatin1String("ecology") || category == QLatin1String("village_visit")) {
        p.setBrush(QColor(40, 110, 170)); // the reservoir
        p.drawRect(0, 620, 1280, 340);
        p.setPen(QPen(QColor(200, 230, 250), 4));
        for (int i = 0; i < 12; ++i)
            p.drawLine(80 + i * 100, 700 + (i % 3) * 60, 140 + i * 100, 700 + (i % 3) * 60);
        p.setPen(Qt::NoPen);
    }
    if (category == QLatin1String("sanitation")) {
        p.setBrush(QColor(240, 240, 235)); // a toilet block by a pond
        p.drawRect(420, 420, 420, 300);
        p.setBrush(QColor(170, 60, 50));
        p.drawPolygon(QPolygon({{400, 430}, {630, 320}, {860, 430}}));
        p.setBrush(QColor(90, 70, 60));
        p.drawRect(600, 560, 70, 160);
        p.setBrush(QColor(60, 130, 160));
        p.drawEllipse(QRect(60, 760, 520 + variant * 40, 150));
    }
    if (category == QLatin1String("ecology") || category == QLatin1String("project_progress")) {
        for (int i = 0; i < 9; ++i) { // a row of trees
            const int x = 90 + i * 135 + variant * 10;
            p.setBrush(QColor(100, 70, 40));
            p.drawRect(x - 8, 520, 16, 80);
            p.setBrush(QColor(40, 120 + (i % 3) * 25, 50));
            p.drawEllipse(QPoint(x, 500), 55, 70);
        }
    }
    if (category == QLatin1String("project_progress")) {
        p.setBrush(QColor(200, 170, 90)); // fields under work
        for (int i = 0; i < 4; ++i)
            p.drawRect(0, 640 + i * 80, 1280, 40);
    }
    return image;
}

// The public rendition of a stamped photo file, stored in the photo folder under its SHA-256
// as a kiosk's download would store it; its name, or empty if it could not be made.
QString storeRendition(const PhotoStore &photos, const QString &stampedPath)
{
    QFile stamped(stampedPath);
    PublicRendition::Failure failure;
    QString why;
    const std::optional<PublicRendition> rendition = stamped.open(QIODevice::ReadOnly)
        ? PublicRendition::make(stamped.readAll(), &failure, &why)
        : std::nullopt;
    if (!rendition)
        return {};
    const QString sha = QString::fromLatin1(
        QCryptographicHash::hash(rendition->jpeg, QCryptographicHash::Sha256).toHex());
    const QString path = photos.pathFor(sha);
    QSaveFile file(path);
    if (!QDir().mkpath(QFileInfo(path).path()) || !file.open(QIODevice::WriteOnly)
        || file.write(rendition->jpeg) != rendition->jpeg.size() || !file.commit())
        return {};
    return sha;
}

} // namespace

QImage demoScene(const QString &category, int variant)
{
    return drawScene(category, variant);
}

PublicCopy addPublicCopy(QSqlDatabase db, PhotoStore &photos, const QString &unitCode,
                         const QString &category, qint64 updatedAtMs, int listed, int unlisted)
{
    PublicCopy copy;
    const Kind *kind = nullptr;
    for (const Kind &k : kinds()) {
        if (QLatin1String(k.category) == category) {
            kind = &k;
            break;
        }
    }
    const QString village = ReferenceDataRepository(db).firstVillageOf(unitCode);
    if (!kind || village.isEmpty())
        return copy;
    static int variant = 0;
    PhotoCaption caption;
    caption.time = QDateTime::fromMSecsSinceEpoch(updatedAtMs);
    // Stamped as a tablet stamps it, then only its public rendition (what a kiosk downloads)
    // goes into the kiosk's photo folder.
    QTemporaryDir tablet;
    PhotoStore tabletPhotos(tablet.path());
    auto drawn = [&]() -> QString {
        const std::optional<StoredPhoto> stamped
            = tabletPhotos.importImage(drawScene(category, ++variant % 5), caption);
        return stamped ? storeRendition(photos, stamped->path) : QString();
    };
    for (int i = 0; i < listed; ++i)
        copy.listedPhotos << drawn();
    for (int i = 0; i < unlisted; ++i)
        copy.unlistedPhotos << drawn();
    if (copy.listedPhotos.contains(QString()) || copy.unlistedPhotos.contains(QString()))
        return copy;

    QJsonObject answers = kind->answers;
    answers.insert(QLatin1String(kind->photoQuestion),
                   QJsonArray::fromStringList(copy.listedPhotos));
    Record r;
    r.id = TimeOrderedId::create();
    r.templateId = QLatin1String(kind->templateId);
    // The checklist's version as it is now (a public copy keeps the version it was filled with).
    const std::optional<FormTemplate> current = TemplateRepository(db).latest(r.templateId);
    r.templateVersion = current ? current->version : 1;
    r.category = category;
    r.villageCode = village;
    r.status = RecordStatus::Approved;
    r.createdAtMs = updatedAtMs - 3600 * 1000;
    r.updatedAtMs = updatedAtMs;
    r.content = QJsonDocument(QJsonObject {{QStringLiteral("answers"), answers}})
                    .toJson(QJsonDocument::Compact);
    r.syncState = SyncState::Synced;
    // Stored the way a pull stores it; the cursor and epoch stay as they were.
    SyncMetaRepository meta(db);
    PulledPage page;
    page.records << r;
    page.nextServerSeq = meta.pullCursor();
    page.epoch = meta.serverEpoch();
    if (PulledPageWriter(db).apply(page))
        copy.recordId = r.id;
    return copy;
}

QList<DemoCopy> demoCopies(qint64 nowMs)
{
    static const char *const units[]
        = {"411326", "411323", "420381", "420322", "420302", "410324", "420381450", "411381"};
    static const char *const categories[]
        = {"village_visit", "sanitation", "ecology", "project_progress"};
    const qint64 day = 24LL * 3600 * 1000;
    QList<DemoCopy> out;
    for (int i = 0; i < 24; ++i)
        out.append({QLatin1String(units[i % 8]), QLatin1String(categories[(i + i / 8) % 4]),
                    nowMs - i * day, 1 + i % 3});
    return out;
}

DemoForm demoForm(const QString &category)
{
    for (const Kind &k : kinds()) {
        if (QLatin1String(k.category) == category)
            return {QLatin1String(k.templateId), QLatin1String(k.photoQuestion), k.answers};
    }
    return {};
}

int seedIfEmpty(QSqlDatabase db, PhotoStore &photos)
{
    if (RecordRepository(db).hasAny())
        return 0;
    int added = 0;
    for (const DemoCopy &c : demoCopies(QDateTime::currentMSecsSinceEpoch())) {
        const PublicCopy copy
            = addPublicCopy(db, photos, c.unitCode, c.category, c.updatedAtMs, c.photos);
        added += copy.recordId.isEmpty() ? 0 : 1;
    }
    return added;
}

} // namespace KioskDemoData
