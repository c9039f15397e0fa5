#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <memory>
#include <string_view>

class QSqlQuery;
struct sqlite3;
struct sqlite3_stmt;

// One prepared statement for the hot loops (storing a pulled page, applying a pushed batch).
// QSqlQuery spends more on its QVariant binds — a placeholder name formatted and hashed per
// value, UTF-16 text converted back by SQLite — than SQLite spends storing the row. Where
// the QSQLITE driver runs on the very SQLite library this program links (Debian's
// libsqlite3), this runs on the driver's own handle, as Qt documents for QSqlDriver::handle();
// elsewhere (a Qt with its SQLite built in, as on Android) it runs the same SQL through a
// QSqlQuery. Text and blobs given as views are bound without copying: they must outlive
// the next step().
class SqliteStatement {
public:
    enum class Path { Direct, ThroughQt };

    SqliteStatement(const QSqlDatabase &db, const char *sql);
    SqliteStatement(const QSqlDatabase &db, const char *sql, Path path); // tests force a path
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // Direct when this connection's driver and this program share one SQLite library.
    static Path pathFor(const QSqlDatabase &db);
    Path path() const { return m_path; }

    // Positions count from 1, as in SQLite.
    void bind(int pos, qint64 value);
    void bindText(int pos, std::string_view utf8);
    void bindText(int pos, const QString &text); // copied: the QString may be a temporary
    void bindBlob(int pos, std::string_view bytes);
    void bindBlob(int pos, const QByteArray &bytes)
    {
        bindBlob(pos, std::string_view(bytes.constData(), size_t(bytes.size())));
    }

    // Binds from position 1 on: strings as text, everything else as an integer (what the
    // filter builders produce).
    void bindAll(const QVariantList &values)
    {
        for (int i = 0; i < values.size(); ++i) {
            const QVariant &v = values.at(i);
            if (v.typeId() == QMetaType::QString)
                bindText(i + 1, v.toString());
            else
                bind(i + 1, v.toLongLong());
        }
    }

    // Runs to the next row (true) or to the end (false; then see hasError()).
    bool step();
    bool hasError() const { return m_failed; }
    QString error() const { return m_error; }
    // Rows the last step()ped INSERT, UPDATE or DELETE changed.
    int changes() const;

    qint64 columnInt64(int col) const;
    QString columnText(int col) const;
    QByteArray columnBlob(int col) const;

    // Ready for new binds and another run; a failed run's error is gone.
    void reset();

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    std::unique_ptr<QSqlQuery> m_query; // the path through Qt
    Path m_path = Path::ThroughQt;
    bool m_prepared = false;
    bool m_executed = false;
    bool m_failed = false;
    QString m_error;
};
