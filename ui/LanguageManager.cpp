#include "LanguageManager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace gistack {

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent) {
}

QStringList LanguageManager::codes() {
    return {QString(), QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString LanguageManager::displayName(const QString &code) {
    if (code.isEmpty())
        return tr("System language");
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文"); // each language names itself
    return QStringLiteral("English");
}

bool LanguageManager::setLanguage(const QString &code) {
    QCoreApplication::removeTranslator(&m_app);
    QCoreApplication::removeTranslator(&m_qt);
    m_code = code;
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    // load(QLocale, ...) walks the locale's UI languages, so "zh_Hans_CN" finds gistack_zh_CN.qm.
    const bool found =
        m_app.load(locale, QStringLiteral("gistack"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (found) {
        QCoreApplication::installTranslator(&m_app);
        m_effective =
            m_app.language().startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN") : QStringLiteral("en");
    } else {
        m_effective = QStringLiteral("en");
    }
    if (m_effective != QLatin1String("en") && m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                                                        QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    emit languageChanged();
    return found;
}

} // namespace gistack
