#include "templatecatalog.h"

#include "serverdatabase.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

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
    std::lock_guard lock(m_db.writeMutex());
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT definition FROM form_template WHERE id = ? AND version = ?"));
    q.addBindValue(h.id);
    q.addBindValue(h.version);
    if (q.exec() && q.next()) {
        if (q.value(0).toByteArray() == definition)
            return true;
        *error = QStringLiteral("%1 version %2 exists already with other content: give the "
                                "changed template a new version")
                     .arg(h.id)
                     .arg(h.version);
        return false;
    }
    q.prepare(QStringLiteral("INSERT INTO form_template (id, version, category, definition, "
                             "added_at_ms) VALUES (?,?,?,?,?)"));
    q.addBindValue(h.id);
    q.addBindValue(h.version);
    q.addBindValue(h.category);
    q.addBindValue(definition);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

QList<QByteArray> TemplateCatalog::newerThan(const QHash<QString, int> &known, QString *error)
{
    QList<QByteArray> out;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT id, version, definition FROM form_template ORDER BY id, version"))) {
        *error = q.lastError().text();
        return {};
    }
    while (q.next()) {
        if (q.value(1).toInt() > known.value(q.value(0).toString(), 0))
            out << q.value(2).toByteArray();
    }
    return out;
}

QStringList TemplateCatalog::list()
{
    QStringList out;
    QSqlQuery q(m_db.connection());
    q.exec(QStringLiteral("SELECT id, version, category FROM form_template ORDER BY id, version"));
    while (q.next())
        out << QStringLiteral("%1\t%2\t%3")
                   .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
    return out;
}
