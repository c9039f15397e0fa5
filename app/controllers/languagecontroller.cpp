#include "languagecontroller.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLocale>
#include <QSettings>

LanguageController::LanguageController(QObject *parent) : QObject(parent)
{
}

QString LanguageController::savedLanguage()
{
    return QSettings().value(QStringLiteral("ui/language"), QStringLiteral("zh_CN")).toString();
}

void LanguageController::setLanguage(const QString &language)
{
    const QString chosen
        = language.startsWith(QLatin1String("en")) ? QStringLiteral("en") : QStringLiteral("zh_CN");
    if (chosen == m_language)
        return;
    m_language = chosen;
    QCoreApplication::removeTranslator(&m_translator);
    // The sources are written in Chinese: only English needs a translation file.
    if (chosen == QLatin1String("en") && m_translator.load(QStringLiteral(":/i18n/qingshui_en.qm")))
        QCoreApplication::installTranslator(&m_translator);
    QLocale::setDefault(QLocale(chosen == QLatin1String("en") ? QStringLiteral("en_US") : chosen));
    // Desktop window titles end with the display name: the app's name in the user's language
    // (main() sets the Chinese one before any service exists; this follows each change).
    QGuiApplication::setApplicationDisplayName(tr("清水巡查"));
    QSettings().setValue(QStringLiteral("ui/language"), chosen);
    if (m_engine)
        m_engine->retranslate();
    emit languageChanged();
}
