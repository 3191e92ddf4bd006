#include "ConsoleSettings.h"

#include <QFile>

namespace gistack {

ConsoleSettings::ConsoleSettings(const QString &filePath)
    : m_settings(filePath.isEmpty() ? std::make_unique<QSettings>()
                                    : std::make_unique<QSettings>(filePath, QSettings::IniFormat)) {
}

ServerConfig ConsoleSettings::load(ServerConfig base) const {
    QSettings &s = *m_settings;
    s.beginGroup(QStringLiteral("server"));
    base.port = quint16(s.value(QStringLiteral("port"), base.port).toUInt());
    const QHostAddress bind(s.value(QStringLiteral("bind"), base.bind.toString()).toString());
    if (!bind.isNull())
        base.bind = bind;
    base.thresholdDays = s.value(QStringLiteral("thresholdDays"), base.thresholdDays).toInt();
    base.database = s.value(QStringLiteral("database"), base.database).toString();
    base.jwtSecret = s.value(QStringLiteral("jwtSecret"), base.jwtSecret).toByteArray();
    base.apiKey = s.value(QStringLiteral("apiKey"), base.apiKey).toByteArray();
    const QTime at =
        QTime::fromString(s.value(QStringLiteral("dailyCheckAt")).toString(), QStringLiteral("HH:mm"));
    if (at.isValid())
        base.dailyCheckAt = at;
    s.endGroup();
    return base;
}

void ConsoleSettings::save(const ServerConfig &config) {
    QSettings &s = *m_settings;
    s.beginGroup(QStringLiteral("server"));
    s.setValue(QStringLiteral("port"), config.port);
    s.setValue(QStringLiteral("bind"), config.bind.toString());
    s.setValue(QStringLiteral("thresholdDays"), config.thresholdDays);
    s.setValue(QStringLiteral("database"), config.database);
    s.setValue(QStringLiteral("jwtSecret"), config.jwtSecret);
    s.setValue(QStringLiteral("apiKey"), config.apiKey);
    s.setValue(QStringLiteral("dailyCheckAt"), config.dailyCheckAt.toString(QStringLiteral("HH:mm")));
    s.endGroup();
    s.sync();
    restrictToOwner();
}

QString ConsoleSettings::language() const {
    return m_settings->value(QStringLiteral("ui/language")).toString();
}

void ConsoleSettings::setLanguage(const QString &code) {
    m_settings->setValue(QStringLiteral("ui/language"), code);
    m_settings->sync();
}

QString ConsoleSettings::adminId() const {
    return m_settings->value(QStringLiteral("ui/adminId")).toString();
}

void ConsoleSettings::setAdminId(const QString &adminId) {
    m_settings->setValue(QStringLiteral("ui/adminId"), adminId);
    m_settings->sync();
}

void ConsoleSettings::restrictToOwner() {
    // The file holds the JWT secret and the API key.
    QFile::setPermissions(m_settings->fileName(), QFile::ReadOwner | QFile::WriteOwner);
}

} // namespace gistack
