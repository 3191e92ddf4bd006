#include "SettingsView.h"

#include "ConsoleSettings.h"
#include "LanguageManager.h"
#include "ServerHost.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QTimeEdit>
#include <QTimer>
#include <QVBoxLayout>

namespace gistack {

namespace {

constexpr int minSecretLength = 16;

QString randomSecret() {
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

SettingsView::SettingsView(ServerHost &host, ConsoleSettings &settings, LanguageManager &language,
                           QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_settings(settings)
    , m_language(language)
    , m_port(new QSpinBox(this))
    , m_bind(new QLineEdit(this))
    , m_threshold(new QSpinBox(this))
    , m_dailyAt(new QTimeEdit(this))
    , m_database(new QLineEdit(this))
    , m_jwtSecret(new QLineEdit(this))
    , m_apiKey(new QLineEdit(this))
    , m_languageChoice(new QComboBox(this))
    , m_apply(new QPushButton(tr("Apply"), this))
    , m_result(new QLabel(this)) {
    m_port->setRange(1, 65535);
    m_threshold->setRange(0, 3650);
    m_threshold->setSuffix(tr(" days"));
    m_dailyAt->setDisplayFormat(QStringLiteral("HH:mm"));
    m_bind->setPlaceholderText(QStringLiteral("127.0.0.1"));
    m_database->setPlaceholderText(ServerConfig::defaultDatabasePath());
    for (QLineEdit *secret : {m_jwtSecret, m_apiKey})
        secret->setEchoMode(QLineEdit::Password);
    for (const QString &code : LanguageManager::codes())
        m_languageChoice->addItem(LanguageManager::displayName(code), code);
    m_languageChoice->setCurrentIndex(qMax(0, m_languageChoice->findData(m_language.language())));

    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *databaseRow = new QHBoxLayout;
    databaseRow->addWidget(m_database, 1);
    databaseRow->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("Port:"), m_port);
    form->addRow(tr("Bind address:"), m_bind);
    form->addRow(tr("Reminder threshold:"), m_threshold);
    form->addRow(tr("Daily re-check at:"), m_dailyAt);
    form->addRow(tr("Database (SQLite file):"), databaseRow);
    form->addRow(tr("JWT secret:"), secretRow(m_jwtSecret));
    form->addRow(tr("API key:"), secretRow(m_apiKey));
    form->addRow(tr("Language:"), m_languageChoice);

    auto *note =
        new QLabel(tr("Port, bind address and threshold apply at once; open connections stay. "
                      "A new database, secret or check time restarts the server: browsers reconnect. "
                      "Command-line options, GISTACK_* variables and --config files override these "
                      "saved settings at start-up."),
                   this);
    note->setWordWrap(true);
    m_result->setWordWrap(true);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_result, 1);
    actions->addWidget(m_apply);

    // A form of readable width rather than one stretched over the whole window.
    auto *page = new QWidget(this);
    page->setMaximumWidth(860);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addLayout(form);
    pageLayout->addWidget(note);
    pageLayout->addLayout(actions);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(page);
    layout->addStretch();

    connect(m_apply, &QPushButton::clicked, this, &SettingsView::apply);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getSaveFileName(this, tr("Database file"), m_database->text(),
                                         tr("SQLite databases (*.db *.sqlite);;All files (*)"), nullptr,
                                         QFileDialog::DontConfirmOverwrite);
        if (!file.isEmpty())
            m_database->setText(file);
    });
    connect(m_languageChoice, &QComboBox::currentIndexChanged, this, [this] {
        const QString code = m_languageChoice->currentData().toString();
        m_settings.setLanguage(code);
        // Deferred: switching rebuilds the window this view lives in.
        QTimer::singleShot(0, &m_language, [language = &m_language, code] { language->setLanguage(code); });
    });
    load(m_host.config());
    if (!m_host.lastError().isEmpty())
        m_result->setText(tr("The server is not running: %1").arg(m_host.lastError()));
}

QWidget *SettingsView::secretRow(QLineEdit *edit) {
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *show = new QCheckBox(tr("Show"), row);
    auto *generate = new QPushButton(tr("Generate"), row);
    layout->addWidget(edit, 1);
    layout->addWidget(show);
    layout->addWidget(generate);
    connect(show, &QCheckBox::toggled, edit,
            [edit](bool visible) { edit->setEchoMode(visible ? QLineEdit::Normal : QLineEdit::Password); });
    connect(generate, &QPushButton::clicked, edit, [edit] { edit->setText(randomSecret()); });
    return row;
}

void SettingsView::load(const ServerConfig &config) {
    m_port->setValue(config.port == 0 ? 8080 : config.port);
    m_bind->setText(config.bind.toString());
    m_threshold->setValue(config.thresholdDays);
    m_dailyAt->setTime(config.dailyCheckAt);
    m_database->setText(config.database);
    m_jwtSecret->setText(QString::fromUtf8(config.jwtSecret));
    m_apiKey->setText(QString::fromUtf8(config.apiKey));
}

std::optional<ServerConfig> SettingsView::fromForm(QString *error) const {
    ServerConfig config = m_host.config();
    config.port = quint16(m_port->value());
    const QString bindText = m_bind->text().trimmed();
    const QHostAddress bind(bindText == QLatin1String("localhost") ? QStringLiteral("127.0.0.1") : bindText);
    if (bind.isNull()) {
        *error = tr("The bind address must be an IP address, such as 127.0.0.1 or 0.0.0.0.");
        return std::nullopt;
    }
    config.bind = bind;
    config.thresholdDays = m_threshold->value();
    config.dailyCheckAt = m_dailyAt->time();
    config.database = m_database->text().trimmed();
    config.jwtSecret = m_jwtSecret->text().toUtf8();
    config.apiKey = m_apiKey->text().toUtf8();
    if (config.jwtSecret.size() < minSecretLength || config.apiKey.size() < minSecretLength) {
        *error = tr("The JWT secret and the API key need at least %1 characters each.").arg(minSecretLength);
        return std::nullopt;
    }
    return config;
}

bool SettingsView::apply() {
    QString error;
    const std::optional<ServerConfig> config = fromForm(&error);
    if (!config) {
        m_result->setText(error);
        return false;
    }
    m_settings.save(*config);
    if (!m_host.apply(*config)) {
        m_result->setText(tr("Saved, but the server could not apply them: %1").arg(m_host.lastError()));
        return false;
    }
    m_result->setText(tr("Applied. Listening on %1").arg(m_host.url().toString()));
    return true;
}

} // namespace gistack
