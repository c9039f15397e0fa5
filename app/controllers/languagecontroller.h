#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QTranslator>

// The UI language: Chinese (the source language) by default, English selectable. The choice
// is kept in QSettings and applied at once, without a restart.
class LanguageController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
public:
    explicit LanguageController(QObject *parent = nullptr);

    QString language() const { return m_language; }
    // "zh_CN" or "en"; anything else falls back to Chinese.
    void setLanguage(const QString &language);
    // The engine whose bindings are re-evaluated when the language changes.
    void setEngine(QQmlEngine *engine) { m_engine = engine; }

    static QString savedLanguage();

signals:
    void languageChanged();

private:
    QString m_language;
    QTranslator m_translator;
    QQmlEngine *m_engine = nullptr;
};
