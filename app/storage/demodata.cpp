#include "demodata.h"

#include "recordrepository.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace DemoData {

int seedIfEmpty(QSqlDatabase db, const QString &deviceId)
{
    RecordRepository records(db);
    if (records.count() > 0)
        return 0;
    struct Sample {
        const char *category;
        const char *village;
        const char *note;
        bool submitted;
    };
    // Villages of 淅川县 (411326) and 郧西县 (420322).
    const Sample samples[] = {
        {"village_visit", "411326105200", "朝阳区结对村走访：座谈饮水安全与产业合作", true},
        {"sanitation", "411326105201", "户厕改造抽查 12 户，2 户粪污清运不及时", true},
        {"ecology", "411326111201", "库周生态隔离带巡查，补植水源涵养林 30 株", true},
        {"sanitation", "420322100200", "坑塘整治：塘长公示牌已设立，水面无漂浮物", false},
        {"project_progress", "420322100202", "污水管网项目完成约 60%，雨污分流未完工", false},
    };
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    int added = 0;
    for (const Sample &s : samples) {
        Record r;
        r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.templateId = QString::fromLatin1(s.category);
        r.category = r.templateId;
        r.villageCode = QString::fromLatin1(s.village);
        r.createdAtMs = r.updatedAtMs = now - qint64(added + 1) * 3600 * 1000;
        r.content = QJsonDocument(QJsonObject {{QStringLiteral("note"), QString::fromUtf8(s.note)}})
                        .toJson(QJsonDocument::Compact);
        r.authorDeviceId = deviceId;
        const bool ok = s.submitted
            ? records.submit(r, QUuid::createUuid().toString(QUuid::WithoutBraces))
            : records.saveDraft(r);
        added += ok ? 1 : 0;
    }
    return added;
}

} // namespace DemoData
