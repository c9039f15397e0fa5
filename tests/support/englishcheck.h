#pragma once

#include "appdriver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>
#include <algorithm>

// Issue 13 item 5's check of a screen in English mode: once the user data is taken out of
// each text the app shows (records' answers and comments, village and township names: what
// people typed or the reference lists hold, which have no English; and whatever is in a
// field the user types into), no Chinese character may be left. The user data is read from the
// stores the apps run on, each time a screen is looked at, so that what the walk itself typed
// counts too. County (unit) and Beijing district names are not user data: they have English names
// and must use them.
class EnglishCheck {
public:
    struct Offence {
        QString page;
        QString text;
        QString path;
    };

    // A store (SQLite file) whose user data may be on screen; read-only, while apps run.
    void addStore(const QString &path)
    {
        m_stores << path;
        readReferenceNames(path);
    }

    // A text allowed as it is where its path contains pathPart, e.g. the language switch
    // that names the other language in its own script ("中文").
    void allow(const QString &pathPart, const QString &text) { m_allowed.append({pathPart, text}); }

    static bool hasChinese(const QString &text)
    {
        for (const QChar c : text) {
            const ushort u = c.unicode();
            if ((u >= 0x3000 && u <= 0x303f) // CJK punctuation: 、。「」
                || (u >= 0x3400 && u <= 0x4dbf) || (u >= 0x4e00 && u <= 0x9fff)
                || (u >= 0xf900 && u <= 0xfaff)
                || (u >= 0xff00 && u <= 0xffef)) // full-width forms: （）：，
                return true;
        }
        return false;
    }

    // Looks at every text the app shows, those a scroll hides too, and keeps each that has a
    // Chinese character left once user data is taken out. Returns how many this page had.
    int look(AppDriver &app, const QString &page)
    {
        m_pages << page;
        const QList<QString> userData = sortedUserData();
        int found = 0;
        for (const AppDriver::ScreenText &shown : app.texts(true)) {
            // What is in a field the user types into is their input (or a stored answer).
            if (!hasChinese(shown.text) || shown.editable || isAllowed(shown))
                continue;
            QString rest = shown.text;
            for (const QString &data : userData) {
                if (rest.contains(data))
                    rest.remove(data);
            }
            if (!hasChinese(rest))
                continue;
            ++found;
            const QString key = shown.path + QLatin1Char('\n') + shown.text;
            if (m_seen.contains(key))
                continue; // the same text in the same place, reported once
            m_seen.insert(key);
            m_offences.append({page, shown.text, shown.path});
        }
        return found;
    }

    QStringList pages() const { return m_pages; }
    QList<Offence> offences() const { return m_offences; }

    // Each offence with the page it was first seen on and its item path.
    QString report() const
    {
        QString out = QStringLiteral("%1 text(s) with Chinese not from user data, on %2 page(s) "
                                     "walked:\n")
                          .arg(m_offences.size())
                          .arg(m_pages.size());
        QString page;
        for (const Offence &o : m_offences) {
            if (o.page != page) {
                page = o.page;
                out += QStringLiteral("  [%1]\n").arg(page);
            }
            out += QStringLiteral("    \"%1\"  at %2\n")
                       .arg(QString(o.text).replace(QLatin1Char('\n'), QStringLiteral(" ⏎ ")),
                            o.path);
        }
        out += QStringLiteral("Pages walked:\n");
        for (const QString &walked : m_pages)
            out += QStringLiteral("  %1\n").arg(walked);
        return out;
    }

private:
    static QStringList readStrings(const QString &storePath, const QStringList &queries)
    {
        QStringList out;
        const QString connection = QUuid::createUuid().toString();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(storePath);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
            if (db.open()) {
                for (const QString &sql : queries) {
                    QSqlQuery query(db);
                    if (!query.exec(sql))
                        continue; // an older schema without that table
                    while (query.next()) {
                        for (int i = 0; i < query.record().count(); ++i)
                            out << query.value(i).toString();
                    }
                }
            }
        }
        QSqlDatabase::removeDatabase(connection);
        return out;
    }

    static void collectJsonStrings(const QJsonValue &value, QSet<QString> *out)
    {
        if (value.isString()) {
            out->insert(value.toString());
        } else if (value.isArray()) {
            for (const QJsonValue &v : value.toArray())
                collectJsonStrings(v, out);
        } else if (value.isObject()) {
            const QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                collectJsonStrings(it.value(), out);
        }
    }

    // Everything people wrote that the stores hold now, longest first (so that a name
    // inside a longer answer does not leave half of it behind).
    // The reference data's names, read once the store has them (an app fills its store when
    // it first starts, or from its server: later than addStore may be called).
    void readReferenceNames(const QString &store) const
    {
        if (m_referenceRead.contains(store))
            return;
        const QStringList names
            = readStrings(store, {"SELECT name FROM village", "SELECT name FROM township"});
        if (names.isEmpty())
            return;
        m_referenceRead.insert(store);
        for (const QString &name : names)
            m_referenceNames.insert(name);
        // A township that shares a county's name (武当山特区) must not hide that county.
        for (const QString &name : readStrings(store,
                                               {"SELECT name FROM paired_unit",
                                                "SELECT partner_district_name FROM "
                                                "paired_unit"}))
            m_mustTranslate.insert(name);
    }

    QList<QString> sortedUserData() const
    {
        for (const QString &store : m_stores)
            readReferenceNames(store);
        QSet<QString> data = m_referenceNames;
        for (const QString &store : m_stores) {
            const QStringList rows
                = readStrings(store,
                              {"SELECT content FROM record", "SELECT content FROM record_revision",
                               "SELECT question_comments FROM review_event"});
            for (const QString &json : rows) {
                const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8());
                collectJsonStrings(document.isArray() ? QJsonValue(document.array())
                                                      : QJsonValue(document.object()),
                                   &data);
            }
            for (const QString &text :
                 readStrings(store, {"SELECT comment, reviewer FROM review_event"}))
                data.insert(text);
        }
        QList<QString> sorted;
        for (const QString &text : std::as_const(data)) {
            // One character of user data would hide any leftover that holds it.
            if (text.size() >= 2 && hasChinese(text) && !m_mustTranslate.contains(text))
                sorted.append(text);
        }
        std::sort(sorted.begin(), sorted.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
        return sorted;
    }

    bool isAllowed(const AppDriver::ScreenText &shown) const
    {
        return std::any_of(m_allowed.cbegin(), m_allowed.cend(), [&](const auto &allowed) {
            return shown.path.contains(allowed.first) && shown.text == allowed.second;
        });
    }

    QStringList m_stores;
    mutable QSet<QString> m_referenceRead; // stores whose reference names are read
    mutable QSet<QString> m_referenceNames;
    // County and Beijing district names: never user data.
    mutable QSet<QString> m_mustTranslate;
    QList<QPair<QString, QString>> m_allowed;
    QStringList m_pages;
    QList<Offence> m_offences;
    QSet<QString> m_seen;
};
