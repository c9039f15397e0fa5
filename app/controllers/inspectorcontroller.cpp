#include "inspectorcontroller.h"

#include "domain/category.h"
#include "positionstatus.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

InspectorController::InspectorController(QSqlDatabase db, const QString &deviceId,
                                         PositionStatus *position, QObject *parent)
    : QObject(parent), m_db(db), m_deviceId(deviceId), m_position(position)
{
}

QVariantList InspectorController::categories() const
{
    QVariantList out;
    for (const Category &c : workCategories())
        out << QVariantMap {{QStringLiteral("id"), c.id}, {QStringLiteral("name"), c.nameZh}};
    return out;
}

QString InspectorController::submitRecord(const QString &category, const QString &villageCode,
                                          const QString &note)
{
    if (!ReferenceDataRepository(m_db).village(villageCode))
        return tr("请选择村庄");
    QJsonObject content {{QStringLiteral("note"), note.trimmed()}};
    if (m_position && m_position->hasFix()) {
        const GeoFix fix = m_position->lastFix();
        content.insert(QStringLiteral("location"),
                       QJsonObject {{QStringLiteral("lat"), fix.latitude},
                                    {QStringLiteral("lon"), fix.longitude},
                                    {QStringLiteral("accuracy_m"),
                                     std::isnan(fix.horizontalAccuracyM)
                                         ? QJsonValue()
                                         : QJsonValue(fix.horizontalAccuracyM)},
                                    {QStringLiteral("fix_time_ms"), fix.fixTimeMs},
                                    {QStringLiteral("source"), fix.source}});
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Record r;
    r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.templateId = category;
    r.templateVersion = 1;
    r.category = category;
    r.villageCode = villageCode;
    r.createdAtMs = now;
    r.updatedAtMs = now;
    r.content = QJsonDocument(content).toJson(QJsonDocument::Compact);
    r.authorDeviceId = m_deviceId;
    RecordRepository repo(m_db);
    if (!repo.submit(r, QUuid::createUuid().toString(QUuid::WithoutBraces)))
        return tr("保存失败: %1").arg(repo.lastError());
    emit recordSubmitted(r.id);
    return {};
}
