// A small form; the address must be an http(s) URL before OK is enabled.
#include "addfeeddialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

AddFeedDialog::AddFeedDialog(const QStringList &folders, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Add Feed"));
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("feedUrl"));
    m_url->setPlaceholderText(tr("https://example.org/feed.xml"));
    m_url->setMinimumWidth(380);
    m_folder = new QComboBox(this);
    m_folder->setObjectName(QStringLiteral("feedFolder"));
    m_folder->setEditable(true);
    m_folder->addItem(QString());
    m_folder->addItems(folders);
    m_folder->lineEdit()->setPlaceholderText(tr("No folder"));
    m_comments = new QCheckBox(tr("Also fetch the comments of its items"), this);
    m_hint = new QLabel(tr("The feed is fetched with the next sync."), this);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Address:"), m_url);
    form->addRow(tr("&Folder:"), m_folder);
    form->addRow(QString(), m_comments);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Add"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_url, &QLineEdit::textChanged, this, &AddFeedDialog::validate);
    validate();
}

QString AddFeedDialog::url() const
{
    return QUrl::fromUserInput(m_url->text().trimmed()).toString();
}

QString AddFeedDialog::folderPath() const
{
    return m_folder->currentText().trimmed();
}

bool AddFeedDialog::followComments() const
{
    return m_comments->isChecked();
}

void AddFeedDialog::setUrl(const QString &url)
{
    m_url->setText(url);
}

void AddFeedDialog::validate()
{
    const QString text = m_url->text().trimmed();
    const QUrl url = QUrl::fromUserInput(text);
    const bool ok = !text.isEmpty() && url.isValid() && !url.host().isEmpty()
                    && (url.scheme() == QLatin1String("http")
                        || url.scheme() == QLatin1String("https"));
    m_ok->setEnabled(ok);
    m_hint->setText(text.isEmpty() || ok ? tr("The feed is fetched with the next sync.")
                                         : tr("Enter the address of the feed (http or https)."));
}
