#include "kioskdemofeed.h"

#include "controllers/kioskdemodata.h"
#include "domain/review.h"
#include "media/photostore.h"
#include "serverprocess.h"
#include "storage/referencedatarepository.h"
#include "storage/reviewrepository.h"
#include "storage/syncmetarepository.h"
#include "storage/templaterepository.h"
#include "syncdevice.h"
#include "testlogin.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Every demo unit: the accounts' scope.
QString demoScope()
{
    QStringList units;
    for (const KioskDemoData::DemoCopy &c : KioskDemoData::demoCopies(0)) {
        if (!units.contains(c.unitCode))
            units << c.unitCode;
    }
    return units.join(QLatin1Char(','));
}

} // namespace

KioskDemoFeed::KioskDemoFeed() = default;
KioskDemoFeed::~KioskDemoFeed() = default;

QString KioskDemoFeed::address() const
{
    return m_server ? m_server->address() : QString();
}

bool KioskDemoFeed::publish(const QString &workDir)
{
    m_server = std::make_unique<ServerProcess>(QDir(workDir).filePath(QStringLiteral("server.db")));
    const QString scope = demoScope();
    if (!m_server->addUser(QStringLiteral("demo-inspector"), QStringLiteral("inspector"), scope)
        || !m_server->addUser(QStringLiteral("demo-supervisor"), QStringLiteral("supervisor"),
                              scope)
        || !m_server->addUser(QStringLiteral("demo-kiosk"), QStringLiteral("kiosk"), scope)
        || !m_server->start()) {
        m_error = QStringLiteral("qingshui-server: ") + m_server->adminOutput();
        return false;
    }
    SyncDevice tablet, supervisor;
    if (!tablet.open(QDir(workDir).filePath(QStringLiteral("tablet/store.db")), address(),
                     QStringLiteral("demo-inspector"), &m_error)
        || !supervisor.open(QDir(workDir).filePath(QStringLiteral("supervisor/store.db")),
                            address(), QStringLiteral("demo-supervisor"), &m_error))
        return false;
    QSqlDatabase tabletDb = tablet.db.connection();
    ReferenceDataRepository reference(tabletDb);
    reference.loadIfEmpty(); // as the app's start does
    if (!tablet.sync().ok) { // the checklists, as a tablet has them before its first record
        m_error = QStringLiteral("the tablet's first sync failed");
        return false;
    }

    // The tablet: each copy's form with its photos taken and stamped, then submitted.
    const QString device = SyncMetaRepository(tabletDb).deviceId();
    QHash<QString, QStringList> photosOf; // record id -> its photos
    int variant = 0;
    for (const KioskDemoData::DemoCopy &c :
         KioskDemoData::demoCopies(QDateTime::currentMSecsSinceEpoch())) {
        const KioskDemoData::DemoForm form = KioskDemoData::demoForm(c.category);
        const QString village = reference.firstVillageOf(c.unitCode);
        const std::optional<FormTemplate> current
            = TemplateRepository(tabletDb).latest(form.templateId);
        if (form.templateId.isEmpty() || village.isEmpty() || !current) {
            m_error = QStringLiteral("no form for %1 in %2").arg(c.category, c.unitCode);
            return false;
        }
        PhotoCaption caption;
        caption.time = QDateTime::fromMSecsSinceEpoch(c.updatedAtMs);
        caption.villageName
            = reference.village(village) ? reference.village(village)->name : village;
        QStringList photos;
        for (int i = 0; i < c.photos; ++i) {
            const QString sha
                = tablet.importPhoto(KioskDemoData::demoScene(c.category, ++variant % 5), caption);
            if (sha.isEmpty()) {
                m_error = QStringLiteral("a demo photo could not be stored");
                return false;
            }
            photos << sha;
        }
        QJsonObject answers = form.answers;
        answers.insert(form.photoQuestion, QJsonArray::fromStringList(photos));
        Record r;
        r.id = uuid();
        r.templateId = form.templateId;
        r.templateVersion = current->version;
        r.category = c.category;
        r.villageCode = village;
        r.createdAtMs = c.updatedAtMs - 3600 * 1000;
        r.updatedAtMs = c.updatedAtMs;
        r.content = QJsonDocument(QJsonObject {{QStringLiteral("answers"), answers}})
                        .toJson(QJsonDocument::Compact);
        r.authorDeviceId = device;
        RecordRepository records = tablet.records();
        if (!records.submit(r, uuid())) {
            m_error = records.lastError();
            return false;
        }
        photosOf.insert(r.id, photos);
    }
    const SyncResult sent = tablet.sync();
    int photos = 0;
    for (const QStringList &p : std::as_const(photosOf))
        photos += int(p.size());
    if (!sent.ok || sent.pushed != photosOf.size() || sent.photosUploaded != photos) {
        m_error = QStringLiteral("the tablet sent %1 of %2 records and %3 of %4 photos: %5")
                      .arg(sent.pushed)
                      .arg(photosOf.size())
                      .arg(sent.photosUploaded)
                      .arg(photos)
                      .arg(sent.error);
        return false;
    }

    // The supervisor: approves each, then publishes it with every photo ticked.
    if (!supervisor.sync().ok) {
        m_error = QStringLiteral("the supervisor's pull failed");
        return false;
    }
    for (ReviewDecision decision : {ReviewDecision::Approve, ReviewDecision::Publish}) {
        for (auto it = photosOf.cbegin(); it != photosOf.cend(); ++it) {
            const std::optional<Record> record = supervisor.records().find(it.key());
            if (!record) {
                m_error = QStringLiteral("the supervisor did not get record %1").arg(it.key());
                return false;
            }
            ReviewEvent e;
            e.id = uuid();
            e.recordId = it.key();
            e.recordServerSeq = record->serverSeq;
            e.decision = decision;
            if (decision == ReviewDecision::Publish)
                e.publishedPhotos = it.value();
            ReviewRepository reviews = supervisor.reviews();
            if (!reviews.decide(e)) {
                m_error = reviews.lastError();
                return false;
            }
        }
        if (!supervisor.sync().ok) {
            m_error = QStringLiteral("the supervisor's decisions were not sent");
            return false;
        }
    }
    m_copies = int(photosOf.size());
    m_photos = photos;
    return true;
}

bool KioskDemoFeed::logInKiosk(const QString &storePath)
{
    QDir().mkpath(QFileInfo(storePath).absolutePath());
    return logInStore(storePath, address(), QStringLiteral("demo-kiosk"), &m_error);
}
