#pragma once

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>
#include <QVariantMap>
#include <algorithm>

// The kiosk English tests' eyes ("screenTexts" in QML): every text the kiosk's window shows,
// and those left with a Chinese character once the user data is taken out of them. User data
// is what people wrote or the reference lists hold without an English name: the store's
// village and township names and the records' answers, read from the kiosk's store each time.
class ScreenTexts : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool takingScreenshots READ takingScreenshots CONSTANT)
public:
    ScreenTexts(const QString &storePath, QObject *parent) : QObject(parent), m_storePath(storePath)
    {
    }

    // A CJK ideograph, CJK punctuation (、。「」) or a full-width form (（）：，).
    static bool hasChinese(const QString &text)
    {
        return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
            const ushort u = c.unicode();
            return (u >= 0x3000 && u <= 0x303f) || (u >= 0x3400 && u <= 0x4dbf)
                || (u >= 0x4e00 && u <= 0x9fff) || (u >= 0xf900 && u <= 0xfaff)
                || (u >= 0xff00 && u <= 0xffef);
        });
    }

    Q_INVOKABLE bool containsChinese(const QString &text) const { return hasChinese(text); }

    // [{text, path}] of every Text, TextInput and TextEdit in the item's window that is
    // visible with an opacity above 0 (its parents' too), popups included; scrolled out of
    // view counts as shown (a finger brings it back).
    Q_INVOKABLE QVariantList visibleTexts(QQuickItem *anyItem) const
    {
        QVariantList out;
        if (anyItem && anyItem->window())
            collect(anyItem->window()->contentItem(), QString(), &out);
        return out;
    }

    // "path: text" of each visible text with Chinese left once user data is taken out; the
    // texts `allowed` lists stay (e.g. the language switch's "中文", named in its own script).
    Q_INVOKABLE QStringList chineseLeftovers(QQuickItem *anyItem, const QStringList &allowed) const
    {
        const QStringList data = userData();
        QStringList out;
        for (const QVariant &v : visibleTexts(anyItem)) {
            const QVariantMap shown = v.toMap();
            const QString text = shown.value(QStringLiteral("text")).toString();
            if (!hasChinese(text) || allowed.contains(text))
                continue;
            QString rest = text;
            for (const QString &d : data)
                rest.remove(d);
            if (hasChinese(rest))
                out << shown.value(QStringLiteral("path")).toString() + QStringLiteral(": ") + text;
        }
        return out;
    }

    // The store's user data with Chinese in it, longest first (a village name inside a longer
    // answer must not leave half of the answer behind).
    Q_INVOKABLE QStringList userData() const
    {
        QStringList out;
        const QString connection = QUuid::createUuid().toString();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(m_storePath);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (db.open()) {
                QSqlQuery q(db);
                for (const char *sql : {"SELECT name FROM village", "SELECT name FROM township"}) {
                    q.exec(QLatin1String(sql));
                    while (q.next())
                        out << q.value(0).toString();
                }
                q.exec(QStringLiteral("SELECT content FROM record"));
                while (q.next())
                    collectStrings(QJsonDocument::fromJson(q.value(0).toByteArray()).object(),
                                   &out);
            }
        }
        QSqlDatabase::removeDatabase(connection);
        out.removeIf([](const QString &s) { return !hasChinese(s); });
        out.removeDuplicates();
        std::sort(out.begin(), out.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
        return out;
    }

    // Screenshots of the walk go to QS_SCREENSHOT_DIR when it is set (under Xvfb).
    bool takingScreenshots() const { return !qEnvironmentVariableIsEmpty("QS_SCREENSHOT_DIR"); }
    Q_INVOKABLE bool saveWindow(QQuickItem *anyItem, const QString &name) const
    {
        const QString dir = qEnvironmentVariable("QS_SCREENSHOT_DIR");
        return !dir.isEmpty() && anyItem && anyItem->window()
            && anyItem->window()->grabWindow().save(QDir(dir).filePath(name));
    }

private:
    static double effectiveOpacity(const QQuickItem *item)
    {
        double opacity = 1;
        for (; item; item = item->parentItem())
            opacity *= item->opacity();
        return opacity;
    }

    // The item's objectName, or its QML type ("Label" of "Label_QMLTYPE_12").
    static QString nameOf(const QQuickItem *item)
    {
        if (!item->objectName().isEmpty())
            return item->objectName();
        return QString::fromLatin1(item->metaObject()->className()).section(u'_', 0, 0);
    }

    static void collect(QQuickItem *item, const QString &parentPath, QVariantList *out)
    {
        if (!item->isVisible() || item->opacity() <= 0)
            return; // nor anything inside it
        const QString path
            = parentPath.isEmpty() ? nameOf(item) : parentPath + QLatin1Char('/') + nameOf(item);
        const bool isText = item->inherits("QQuickText") || item->inherits("QQuickTextInput")
            || item->inherits("QQuickTextEdit");
        if (isText && effectiveOpacity(item) > 0) {
            const QString text = item->property("text").toString();
            if (!text.trimmed().isEmpty())
                out->append(
                    QVariantMap {{QStringLiteral("text"), text}, {QStringLiteral("path"), path}});
        }
        for (QQuickItem *child : item->childItems())
            collect(child, path, out);
    }

    static void collectStrings(const QJsonValue &value, QStringList *out)
    {
        if (value.isString()) {
            out->append(value.toString());
        } else if (value.isArray()) {
            for (const QJsonValue &v : value.toArray())
                collectStrings(v, out);
        } else if (value.isObject()) {
            const QJsonObject o = value.toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                collectStrings(it.value(), out);
        }
    }

    QString m_storePath;
};
