#include "templaterepository.h"

#include "transaction.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {

std::optional<FormTemplate> parse(const QByteArray &definition, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(definition, &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("template is not a JSON object: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    return FormTemplate::fromJson(doc.object(), error);
}

} // namespace

bool TemplateRepository::storeDefinitions(const QList<QByteArray> &definitions)
{
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("INSERT OR IGNORE INTO form_template (id, version, category, definition) "
                       "VALUES (?,?,?,?)"));
    for (const QByteArray &definition : definitions) {
        const auto parsed = parse(definition, &m_error);
        if (!parsed)
            return false;
        q.addBindValue(parsed->id);
        q.addBindValue(parsed->version);
        q.addBindValue(parsed->category);
        q.addBindValue(definition);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return false;
        }
    }
    return tx.commit();
}

std::optional<FormTemplate> TemplateRepository::find(const QString &id, int version) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT definition FROM form_template WHERE id = ? AND version = ?"));
    q.addBindValue(id);
    q.addBindValue(version);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return parse(q.value(0).toByteArray(), &m_error);
}

std::optional<FormTemplate> TemplateRepository::latest(const QString &id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT definition FROM form_template WHERE id = ? "
                             "ORDER BY version DESC LIMIT 1"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return parse(q.value(0).toByteArray(), &m_error);
}

QList<FormTemplate> TemplateRepository::latestAll() const
{
    QList<FormTemplate> out;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT definition FROM form_template t WHERE version = "
                          "(SELECT max(version) FROM form_template WHERE id = t.id) "
                          "ORDER BY category, id"));
    while (q.next()) {
        if (auto t = parse(q.value(0).toByteArray(), &m_error))
            out << *t;
    }
    return out;
}

QHash<QString, int> TemplateRepository::knownVersions() const
{
    QHash<QString, int> out;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT id, max(version) FROM form_template GROUP BY id")))
        m_error = q.lastError().text();
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toInt());
    return out;
}
