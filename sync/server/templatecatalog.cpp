#include "templatecatalog.h"

#include "catalogstore.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

struct Header {
    QString id;
    int version = 0;
    QString category;
};

// The server checks what it indexes by; devices parse the whole template before using it.
bool readHeader(const QByteArray &definition, Header *out, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(definition, &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("not a JSON object: %1").arg(parseError.errorString());
        return false;
    }
    const QJsonObject o = doc.object();
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9_.]{1,64}$"));
    out->id = o.value(QStringLiteral("id")).toString();
    out->version = o.value(QStringLiteral("version")).toInt();
    out->category = o.value(QStringLiteral("category")).toString();
    if (!idPattern.match(out->id).hasMatch() || out->version < 1 || out->category.isEmpty()
        || !o.value(QStringLiteral("sections")).isArray()) {
        *error = QStringLiteral("a template needs an id (a-z, 0-9, _ .), a version ≥ 1, a "
                                "category and sections");
        return false;
    }
    return true;
}

} // namespace

bool TemplateCatalog::addBundled(QString *error)
{
    const QDir dir(QStringLiteral(":/qingshui/server/templates"));
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly) || !add(f.readAll(), error)) {
            *error = QStringLiteral("bundled template %1: %2").arg(name, *error);
            return false;
        }
    }
    return true;
}

bool TemplateCatalog::add(const QByteArray &definition, QString *error)
{
    Header h;
    if (!readHeader(definition, &h, error))
        return false;
    QByteArray stored;
    if (!m_store.addTemplate({h.id, h.version, h.category, definition},
                             QDateTime::currentMSecsSinceEpoch(), &stored, error))
        return false;
    if (stored == definition)
        return true;
    *error = QStringLiteral("%1 version %2 exists already with other content: give the "
                            "changed template a new version")
                 .arg(h.id)
                 .arg(h.version);
    return false;
}

QList<QByteArray> TemplateCatalog::newerThan(const QHash<QString, int> &known, QString *error)
{
    QList<CatalogStore::Template> all;
    if (!m_store.templates(&all, error))
        return {};
    QList<QByteArray> out;
    for (const CatalogStore::Template &t : std::as_const(all)) {
        if (t.version > known.value(t.id, 0))
            out << t.definition;
    }
    return out;
}

QStringList TemplateCatalog::list()
{
    QList<CatalogStore::Template> all;
    QString error;
    m_store.templates(&all, &error);
    QStringList out;
    for (const CatalogStore::Template &t : std::as_const(all))
        out << QStringLiteral("%1\t%2\t%3").arg(t.id).arg(t.version).arg(t.category);
    return out;
}
