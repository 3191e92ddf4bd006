#pragma once

#include "server/ServerConfig.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimeEdit;

namespace gistack {

class ConsoleSettings;
class LanguageManager;
class ServerHost;

// The server's settings and the console's language. Apply saves them (QSettings) and hands
// them to the host, which changes port, address and threshold in place and restarts the
// server only for a new database, secret or daily check time.
class SettingsView : public QWidget {
    Q_OBJECT
public:
    SettingsView(ServerHost &host, ConsoleSettings &settings, LanguageManager &language,
                 QWidget *parent = nullptr);

    QSpinBox *portField() const { return m_port; }
    QLineEdit *jwtSecretField() const { return m_jwtSecret; }
    QLineEdit *apiKeyField() const { return m_apiKey; }
    QPushButton *applyButton() const { return m_apply; }
    QLabel *resultLabel() const { return m_result; }

    // Checks and applies the form; false with a message in the result label when refused.
    bool apply();

private:
    void load(const ServerConfig &config);
    std::optional<ServerConfig> fromForm(QString *error) const;
    QWidget *secretRow(QLineEdit *edit);

    ServerHost &m_host;
    ConsoleSettings &m_settings;
    LanguageManager &m_language;
    QSpinBox *m_port;
    QLineEdit *m_bind;
    QSpinBox *m_threshold;
    QTimeEdit *m_dailyAt;
    QLineEdit *m_database;
    QLineEdit *m_jwtSecret;
    QLineEdit *m_apiKey;
    QComboBox *m_languageChoice;
    QPushButton *m_apply;
    QLabel *m_result;
};

} // namespace gistack
