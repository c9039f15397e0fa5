#include "demodata.h"

#include "domain/timeorderedid.h"
#include "recordrepository.h"
#include "templaterepository.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace DemoData {

namespace {

QJsonObject point(double lat, double lon, double accuracy, qint64 timeMs)
{
    return {{QStringLiteral("lat"), lat},
            {QStringLiteral("lon"), lon},
            {QStringLiteral("alt"), 152.0},
            {QStringLiteral("accuracy_m"), accuracy},
            {QStringLiteral("fix_time_ms"), timeMs},
            {QStringLiteral("source"), QStringLiteral("nmea-replay")},
            {QStringLiteral("fixes_averaged"), 5}};
}

struct Sample {
    const char *templateId;
    const char *category;
    const char *village;
    bool submitted;
    QJsonObject answers;
};

} // namespace

int seedIfEmpty(QSqlDatabase db, const QString &deviceId)
{
    RecordRepository records(db);
    if (records.hasAny())
        return 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 hour = 3600 * 1000;
    // Villages of 淅川县 (411326) and 郧西县 (420322); answers valid for template version 1.
    const QList<Sample> samples = {
        {"sanitation.toilet",
         "sanitation",
         "411326105201",
         true,
         {{"A1", false},
          {"A4", true},
          {"A5", false},
          {"A6_checked", 12},
          {"A6_sanitary", 10},
          {"location", point(33.13791, 111.49102, 3.8, now - hour)},
          {"note", QStringLiteral("户厕改造抽查 12 户，2 户尚未改造，粪污清运不及时")}}},
        {"sanitation.sewage",
         "sanitation",
         "411326111201",
         true,
         {{"B1", true},
          {"B2", QStringLiteral("unknown")},
          {"B3", false},
          {"location", point(33.02140, 111.62513, 4.6, now - 2 * hour)},
          {"note", QStringLiteral("污水纳入治理，管网运行正常")}}},
        {"village_visit.pairing",
         "village_visit",
         "411326105200",
         false,
         {{"partner_district", QStringLiteral("110105")},
          {"activity_type", QStringLiteral("mutual_visit")},
          {"participants", 14},
          {"outcome", QStringLiteral("朝阳区结对社区来访，座谈饮水安全与产业合作")}}},
        {"sanitation.pond",
         "sanitation",
         "420322100200",
         false,
         {{"C1_numbered", true},
          {"C1", QStringLiteral("YX-CG-017")},
          {"C2", true},
          {"C4", true},
          {"C5", true}}},
        {"ecology.forest",
         "ecology",
         "420322100202",
         false,
         {{"forest_type", QStringLiteral("water_conservation")},
          {"species", QStringLiteral("侧柏")},
          {"count", 300},
          {"area", 4.5}}},
    };
    int added = 0;
    for (const Sample &s : samples) {
        Record r;
        r.id = TimeOrderedId::create();
        r.templateId = QString::fromLatin1(s.templateId);
        // Filled with the checklist as it is now, as a new record would be.
        const std::optional<FormTemplate> current = TemplateRepository(db).latest(r.templateId);
        r.templateVersion = current ? current->version : 1;
        r.category = QString::fromLatin1(s.category);
        r.villageCode = QString::fromLatin1(s.village);
        r.createdAtMs = r.updatedAtMs = now - qint64(added + 1) * hour;
        r.content = QJsonDocument(QJsonObject {{QStringLiteral("answers"), s.answers}})
                        .toJson(QJsonDocument::Compact);
        r.authorDeviceId = deviceId;
        const bool ok
            = s.submitted ? records.submit(r, TimeOrderedId::create()) : records.saveDraft(r);
        added += ok ? 1 : 0;
    }
    return added;
}

} // namespace DemoData
