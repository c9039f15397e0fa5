#include "basemapcatalog.h"

#include "blobstore.h"
#include "caller.h"
#include "common/mbtilesfile.h"
#include "domain/chinadatum.h"

#include "qingshui/v1/catalog.pb.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace {

// The file must be one the device will open: an MBTiles whose metadata names a datum the
// app can draw on. What MbtilesFile says is English with its code, for the administrator.
bool checkPackage(const QString &path, MbtilesMetadata *meta, QString *error)
{
    const MbtilesFile file(path);
    *meta = file.metadata();
    if (!meta->ok) {
        *error = QStringLiteral("%1 [%2]").arg(meta->error, meta->errorCode);
        return false;
    }
    if (meta->datum.isEmpty()) {
        *error = QStringLiteral("the metadata names no datum (key 'datum': WGS-84, CGCS2000 "
                                "or GCJ-02) [mbtiles_no_datum]");
        return false;
    }
    if (!chinaDatumFromName(meta->datum)) {
        *error = QStringLiteral("unknown datum '%1' (WGS-84, CGCS2000 or GCJ-02) "
                                "[mbtiles_unknown_datum]")
                     .arg(meta->datum);
        return false;
    }
    return true;
}

} // namespace

bool BasemapCatalog::add(const QString &path, const QString &scopeCode, const QString &name,
                         qint64 atMs, CatalogStore::Basemap *added, QString *error)
{
    static const QRegularExpression scope(QStringLiteral("^(\\d{6}|\\d{9})$"));
    if (!scope.match(scopeCode).hasMatch()) {
        *error = QStringLiteral("--scope '%1' is not a county (6 digits) or township (9 digits) "
                                "code")
                     .arg(scopeCode);
        return false;
    }
    if (!QFileInfo(path).isFile()) {
        *error = QStringLiteral("%1: no such file").arg(path);
        return false;
    }
    MbtilesMetadata meta;
    if (!checkPackage(path, &meta, error))
        return false;
    std::string sha256;
    qint64 size = 0;
    if (!m_blobs.storeFile(path, &sha256, &size, error))
        return false;
    CatalogStore::Basemap b;
    b.sha256 = QString::fromStdString(sha256);
    b.sizeBytes = size;
    b.name = !name.isEmpty()   ? name
        : !meta.name.isEmpty() ? meta.name
                               : QFileInfo(path).completeBaseName();
    b.scopeCode = scopeCode;
    b.datum = chinaDatumName(*chinaDatumFromName(meta.datum));
    b.addedAtMs = atMs;
    if (!m_store.addBasemap(b, &b.id, error))
        return false;
    *added = b;
    return true;
}

bool BasemapCatalog::fill(const Caller &caller, qingshui::v1::ReferenceDataResponse *out,
                          QString *error)
{
    QList<CatalogStore::Basemap> current;
    if (!m_store.basemapsFor(caller, &current, error))
        return false;
    for (const CatalogStore::Basemap &b : std::as_const(current)) {
        qingshui::v1::BasemapPackage *p = out->add_basemaps();
        p->set_id(b.id);
        p->set_sha256(b.sha256.toStdString());
        p->set_size_bytes(b.sizeBytes);
        p->set_name(b.name.toStdString());
        p->set_scope_code(b.scopeCode.toStdString());
        p->set_datum(b.datum.toStdString());
        p->set_added_at_ms(b.addedAtMs);
    }
    return true;
}
