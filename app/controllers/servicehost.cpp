#include "servicehost.h"

#include "controllers/inspectorcontroller.h"
#include "controllers/positionstatus.h"
#include "controllers/services.h"
#include "controllers/villagepickercontroller.h"
#include "models/recordlistmodel.h"
#include "models/unitlistmodel.h"
#include "positioning/qtpositionprovider.h"
#include "storage/database.h"
#include "storage/demodata.h"
#include "storage/outboxrepository.h"
#include "storage/referencedatarepository.h"
#include "storage/syncmetarepository.h"
#include "syncengine.h"

ServiceHost::ServiceHost(QObject *parent) : QObject(parent)
{
}

ServiceHost::~ServiceHost() = default;

bool ServiceHost::start(const Options &options)
{
    m_db = std::make_unique<Database>();
    if (!m_db->open(options.dbPath)) {
        m_error = m_db->error();
        return false;
    }
    QSqlDatabase db = m_db->connection();
    ReferenceDataRepository reference(db);
    if (!reference.loadIfEmpty()) {
        m_error = QStringLiteral("reference data: %1").arg(reference.lastError());
        return false;
    }
    const QString deviceId = SyncMetaRepository(db).deviceId();
    if (options.seedDemo)
        DemoData::seedIfEmpty(db, deviceId);

    m_positionProvider = options.nmeaPath.isEmpty()
        ? QtPositionProvider::createSystem(this)
        : QtPositionProvider::createNmeaReplay(options.nmeaPath, this);
    m_position = std::make_unique<PositionStatus>(m_positionProvider);
    m_sync = std::make_unique<SyncEngine>(options.dbPath, options.serverAddress);
    m_sync->setPendingCount(OutboxRepository(db).pendingCount());
    m_records = std::make_unique<RecordListModel>(db);
    m_units = std::make_unique<UnitListModel>(reference.units());
    m_villagePicker = std::make_unique<VillagePickerController>(db);
    m_inspector = std::make_unique<InspectorController>(db, deviceId, m_position.get());

    RecordListModel *records = m_records.get();
    connect(m_inspector.get(), &InspectorController::recordSubmitted, records,
            &RecordListModel::reload);
    connect(m_inspector.get(), &InspectorController::recordSubmitted, m_sync.get(),
            &SyncEngine::syncNow);
    connect(m_sync.get(), &SyncEngine::finished, records, [records](bool, int pushed, int pulled) {
        if (pushed > 0 || pulled > 0)
            records->reload();
    });

    m_services = std::make_unique<Services>(nullptr);
    m_services->mode = options.mode;
    m_services->records = m_records.get();
    m_services->units = m_units.get();
    m_services->sync = m_sync.get();
    m_services->position = m_position.get();
    m_services->inspector = m_inspector.get();
    m_services->villagePicker = m_villagePicker.get();
    return true;
}
