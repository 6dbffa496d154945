// The copy target form: an SQLite file chosen with a file dialog, or a postgresql:// URL typed in.
#include "copycommunitydialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace {

bool isPostgreSqlUrl(const QString &text)
{
    return text.startsWith(QLatin1String("postgresql://"))
           || text.startsWith(QLatin1String("postgres://"));
}

} // namespace

CopyCommunityDialog::CopyCommunityDialog(const DatabaseLocation &source, QWidget *parent)
    : QDialog(parent)
    , m_startFolder(source.isSqlite() ? QFileInfo(source.filePath).absolutePath() : QDir::homePath())
{
    setObjectName(QStringLiteral("copyCommunityDialog"));
    setWindowTitle(tr("Copy Community To"));

    auto *intro = new QLabel(tr("Copy every member, discussion, feed and assessment of %1 into "
                                "another database. The copy keeps every id, so links between "
                                "them stay intact.")
                                 .arg(source.displayName()),
                             this);
    intro->setWordWrap(true);

    m_fileChoice = new QRadioButton(tr("An SQLite &file"), this);
    m_fileChoice->setObjectName(QStringLiteral("fileChoice"));
    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("fileEdit"));
    m_file->setPlaceholderText(
        tr("e.g. %1").arg(QDir(m_startFolder).filePath(QStringLiteral("community-copy.sqlite"))));
    m_browse = new QPushButton(tr("&Browse..."), this);
    m_browse->setObjectName(QStringLiteral("browseButton"));

    m_serverChoice = new QRadioButton(tr("A &PostgreSQL server"), this);
    m_serverChoice->setObjectName(QStringLiteral("serverChoice"));
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("urlEdit"));
    m_url->setPlaceholderText(tr("postgresql://user:password@host:5432/database"));
    m_url->setToolTip(tr("The database must exist on the server; Watercooler creates its tables."));

    auto *choices = new QGridLayout;
    choices->addWidget(m_fileChoice, 0, 0, 1, 2);
    choices->addWidget(m_file, 1, 0);
    choices->addWidget(m_browse, 1, 1);
    choices->addWidget(m_serverChoice, 2, 0, 1, 2);
    choices->addWidget(m_url, 3, 0, 1, 2);
    choices->setColumnMinimumWidth(0, 380);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Copy"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addLayout(choices);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_browse, &QPushButton::clicked, this, &CopyCommunityDialog::chooseFile);
    connect(m_fileChoice, &QRadioButton::toggled, this, &CopyCommunityDialog::updateOkButton);
    connect(m_file, &QLineEdit::textChanged, this, &CopyCommunityDialog::updateOkButton);
    connect(m_url, &QLineEdit::textChanged, this, &CopyCommunityDialog::updateOkButton);
    // Typing into a field picks its kind of target.
    connect(m_file, &QLineEdit::textEdited, m_fileChoice, [this] {
        m_fileChoice->setChecked(true);
    });
    connect(m_url, &QLineEdit::textEdited, m_serverChoice, [this] {
        m_serverChoice->setChecked(true);
    });

    m_fileChoice->setChecked(true);
    updateOkButton();
}

DatabaseLocation CopyCommunityDialog::target() const
{
    if (m_serverChoice->isChecked())
        return DatabaseLocation::fromArgument(m_url->text().trimmed());
    return DatabaseLocation::sqlite(m_file->text().trimmed());
}

void CopyCommunityDialog::setFilePath(const QString &path)
{
    m_file->setText(path);
    m_fileChoice->setChecked(true);
}

void CopyCommunityDialog::setUrl(const QString &url)
{
    m_url->setText(url);
    m_serverChoice->setChecked(true);
}

void CopyCommunityDialog::chooseFile()
{
    // Replacing an existing community is confirmed once the copy knows it holds one.
    QString path = QFileDialog::getSaveFileName(this,
                                                tr("Copy Community To"),
                                                m_file->text().isEmpty() ? m_startFolder
                                                                         : m_file->text(),
                                                tr("Watercooler databases (*.sqlite *.db)"),
                                                nullptr,
                                                QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".sqlite");
    setFilePath(QDir::toNativeSeparators(path));
}

void CopyCommunityDialog::updateOkButton()
{
    const bool ready = m_fileChoice->isChecked() ? !m_file->text().trimmed().isEmpty()
                                                 : isPostgreSqlUrl(m_url->text().trimmed());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ready);
}
