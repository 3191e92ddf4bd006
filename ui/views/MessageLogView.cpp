#include "MessageLogView.h"

#include "ConsoleContext.h"
#include "DisplayNames.h"
#include "models/MessageLogFilterProxy.h"
#include "models/MessageLogModel.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace gistack {

MessageLogView::MessageLogView(ConsoleContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_proxy(new MessageLogFilterProxy(this))
    , m_type(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_json(new QPlainTextEdit(this))
    , m_count(new QLabel(this)) {
    MessageLogModel &log = context.messageLog();
    m_proxy->setSourceModel(&log);

    m_type->addItem(tr("All types"), -1);
    for (const MessageTypeInfo &info : MessageCatalogue::all()) {
        m_type->addItem(MessageCatalogue::name(info.type), int(info.type));
        m_type->setItemData(m_type->count() - 1, DisplayNames::messageSummary(info.type), Qt::ToolTipRole);
    }
    m_user->setPlaceholderText(tr("user id"));
    m_user->setClearButtonEnabled(true);
    m_user->setMinimumWidth(180);

    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights and column widths: the view never measures thousands of new rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    header->resizeSection(MessageLogModel::TimeColumn, digit * 21);
    header->resizeSection(MessageLogModel::TypeColumn, digit * 44);
    header->resizeSection(MessageLogModel::RecipientsColumn, digit * 24);
    header->resizeSection(MessageLogModel::DeliveryColumn, digit * 18);

    m_json->setReadOnly(true);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setPlaceholderText(tr("Select a message to see its frame."));

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Type:"), this));
    filters->addWidget(m_type);
    filters->addWidget(new QLabel(tr("User:"), this));
    filters->addWidget(m_user);
    filters->addStretch();

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_json);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_count);

    connect(m_type, &QComboBox::currentIndexChanged, this, &MessageLogView::applyFilters);
    connect(m_user, &QLineEdit::textChanged, this, &MessageLogView::applyFilters);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MessageLogView::showSelected);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MessageLogView::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MessageLogView::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MessageLogView::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MessageLogView::updateCount);
    updateCount();
}

void MessageLogView::applyFilters() {
    const int type = m_type->currentData().toInt();
    m_proxy->setType(type < 0 ? std::nullopt : std::optional<MessageType>(MessageType(type)));
    m_proxy->setUser(m_user->text());
    updateCount();
}

void MessageLogView::showSelected() {
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    m_json->setPlainText(current.isValid() ? current.data(MessageLogModel::JsonRole).toString() : QString());
}

void MessageLogView::updateCount() {
    m_count->setText(tr("%1 shown, newest %2 kept in memory; the database keeps every message")
                         .arg(m_proxy->rowCount())
                         .arg(m_context.messageLog().maxRows()));
}

} // namespace gistack
