#include "basemapreader.h"

#include "common/mbtilesfile.h"
#include "domain/chinadatum.h"

#include <QFileInfo>
#include <QImageReader>

QString BasemapText::describe(const QString &code)
{
    if (code == u"mbtiles_not_found")
        return tr("找不到底图文件");
    if (code == u"mbtiles_not_sqlite")
        return tr("此文件不是底图（MBTiles）文件");
    if (code == u"mbtiles_truncated")
        return tr("底图文件不完整（可能下载或复制时中断），请重新获取");
    if (code == u"mbtiles_corrupt")
        return tr("底图文件已损坏，请重新获取");
    if (code == u"mbtiles_not_mbtiles")
        return tr("此数据库不是底图（MBTiles）文件");
    if (code == u"mbtiles_empty")
        return tr("底图文件中没有瓦片");
    if (code == u"mbtiles_bad_format")
        return tr("底图的瓦片格式无法显示（需要 PNG 或 JPEG 栅格瓦片）");
    if (code == u"mbtiles_no_datum")
        return tr("底图没有注明坐标系（datum），无法把位置画准");
    if (code == u"mbtiles_unknown_datum")
        return tr("底图的坐标系无法识别（应为 WGS-84、CGCS2000 或 GCJ-02）");
    return tr("底图无法打开（%1）").arg(code);
}

BasemapInfo readBasemapInfo(const QString &path)
{
    BasemapInfo info;
    info.path = QFileInfo(path).absoluteFilePath();
    const MbtilesFile file(path);
    const MbtilesMetadata &m = file.metadata();
    if (!m.ok) {
        info.error = BasemapText::describe(m.errorCode);
        return info;
    }
    // webp decodes only with Qt's image formats plugin installed.
    if (!QImageReader::supportedImageFormats().contains(m.format.toLatin1())) {
        info.error = BasemapText::describe(QStringLiteral("mbtiles_bad_format"));
        return info;
    }
    info.valid = true;
    info.name = m.name.isEmpty() ? QFileInfo(path).completeBaseName() : m.name;
    info.datum = chinaDatumName(*chinaDatumFromName(m.datum));
    info.format = m.format;
    info.minZoom = m.minZoom;
    info.maxZoom = m.maxZoom;
    info.bounds = m.bounds;
    info.centerLon = m.centerLon;
    info.centerLat = m.centerLat;
    info.centerZoom = m.centerZoom;
    info.attribution = m.attribution;
    return info;
}
