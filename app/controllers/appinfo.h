#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QStringList>

// What QML knows of the app itself, as the App singleton: which face this is, its version,
// and a sync failure in the user's words.
class AppInfo : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(App)
    QML_SINGLETON
    Q_PROPERTY(QString mode READ mode CONSTANT)
    Q_PROPERTY(QString version READ version CONSTANT)
public:
    // Not default-constructible on purpose: QML would build its own instead of calling create().
    AppInfo(const QString &mode, const QString &version, QObject *parent = nullptr);
    static AppInfo *create(QQmlEngine *, QJSEngine *);

    QString mode() const { return m_mode; }
    QString version() const { return m_version; }

    // Why a sync failed (SyncEngine's lastErrorCode, lastErrorArgs) in the language of the
    // moment: SyncErrorText; detail (lastError) only when there is no code.
    Q_INVOKABLE QString syncErrorText(const QString &code, const QStringList &args,
                                      const QString &detail) const;

private:
    QString m_mode;
    QString m_version;
};
