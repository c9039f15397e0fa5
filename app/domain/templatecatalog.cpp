#include "domain/templatecatalog.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QPair>
#include <QSet>

namespace {

const QString kBundledDir = QStringLiteral(":/qingshui/templates");

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// Reads and parses every template in dir; definitions and templates stay in step.
bool readAll(const QString &dir, QList<QByteArray> *definitions, QList<FormTemplate> *templates,
             QString *error)
{
    const QDir d(dir);
    const QStringList files
        = d.entryList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable, QDir::Name);
    if (files.isEmpty())
        return fail(error, QStringLiteral("no checklist templates (*.json) in %1").arg(dir));
    QSet<QPair<QString, int>> seen;
    for (const QString &name : files) {
        const QString path = d.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return fail(error, QStringLiteral("%1: %2").arg(path, f.errorString()));
        const QByteArray bytes = f.readAll();
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return fail(error,
                        QStringLiteral("%1: invalid JSON at offset %2: %3")
                            .arg(path)
                            .arg(parseError.offset)
                            .arg(parseError.errorString()));
        if (!doc.isObject())
            return fail(error, QStringLiteral("%1: a template must be a JSON object").arg(path));
        QString why;
        const auto t = FormTemplate::fromJson(doc.object(), &why);
        if (!t)
            return fail(error, QStringLiteral("%1: %2").arg(path, why));
        if (seen.contains({t->id, t->version}))
            return fail(error,
                        QStringLiteral("%1: template '%2' version %3 is defined twice")
                            .arg(path, t->id)
                            .arg(t->version));
        seen.insert({t->id, t->version});
        definitions->append(bytes);
        templates->append(*t);
    }
    return true;
}

} // namespace

QList<FormTemplate> loadTemplates(const QString &dir, QString *error)
{
    QList<QByteArray> definitions;
    QList<FormTemplate> templates;
    if (!readAll(dir, &definitions, &templates, error))
        return {};
    return templates;
}

QList<FormTemplate> loadBundledTemplates(QString *error)
{
    return loadTemplates(kBundledDir, error);
}

QList<QByteArray> bundledTemplateDefinitions(QString *error)
{
    QList<QByteArray> definitions;
    QList<FormTemplate> templates;
    if (!readAll(kBundledDir, &definitions, &templates, error))
        return {};
    return definitions;
}
