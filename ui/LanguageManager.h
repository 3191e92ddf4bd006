#pragma once

#include <QObject>
#include <QTranslator>

namespace gistack {

// Installs the console's translations (embedded under :/i18n) and Qt's own. The language
// follows the system locale unless one is chosen; widgets rebuild their text on the
// QEvent::LanguageChange that QCoreApplication sends when a translator changes.
class LanguageManager : public QObject {
    Q_OBJECT
public:
    explicit LanguageManager(QObject *parent = nullptr);

    // Codes offered in Settings; "" means the system's language.
    static QStringList codes();
    static QString displayName(const QString &code);

    // Returns false when no translation for the language exists (English text stays).
    bool setLanguage(const QString &code);
    QString language() const { return m_code; }
    // The language actually shown: "zh_CN" or "en".
    QString effectiveLanguage() const { return m_effective; }

signals:
    void languageChanged();

private:
    QString m_code;
    QString m_effective = QStringLiteral("en");
    QTranslator m_app;
    QTranslator m_qt;
};

} // namespace gistack
