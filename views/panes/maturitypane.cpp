// Assessment picker, score grid and radar chart.
#include "maturitypane.h"

#include "assessmentmodel.h"
#include "assessmentrepository.h"
#include "emptystatewidget.h"
#include "maturityradarchart.h"
#include "storageerror.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

MaturityPane::MaturityPane(const Database &database, QWidget *parent)
    : Pane(database, parent)
{
    auto *content = new QWidget(this);
    m_assessments = new QComboBox(content);
    m_assessments->setObjectName(QStringLiteral("assessmentCombo"));
    m_assessments->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_summary = new QLabel(content);
    m_summary->setWordWrap(true);
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    m_model = new AssessmentModel(connectionName(), this);
    m_table = createTable(QStringLiteral("assessmentTable"), m_model, content);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultSectionSize(110);

    m_chart = new MaturityRadarChart(content);
    m_chart->setObjectName(QStringLiteral("maturityChart"));
    m_chart->setMinimumSize(360, 300);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Assessment:"), content));
    top->addWidget(m_assessments);
    top->addStretch();
    // The chart's labels need width, so it goes under the grid.
    auto *splitter = new QSplitter(Qt::Vertical, content);
    splitter->addWidget(m_table);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);

    auto *empty
        = new EmptyStateWidget(QStringLiteral(":/icons/maturity.svg"),
                               tr("No assessments yet"),
                               tr("Score your community against the Community Maturity Model to "
                                  "see where it stands and where to grow next."),
                               this);
    connect(empty->addAction(tr("Open Sample Community")),
            &QPushButton::clicked,
            this,
            &Pane::sampleRequested);
    setUp(content, empty);

    connect(m_model, &AssessmentModel::errorOccurred, this, &Pane::errorOccurred);
    connect(m_assessments, &QComboBox::currentIndexChanged, this, &MaturityPane::showAssessment);
    reload();
}

void MaturityPane::reload()
{
    const qint64 current = m_assessments->currentData().toLongLong();
    QList<AssessmentRepository::Entry> entries;
    try {
        entries = AssessmentRepository(connectionName()).list();
    } catch (const StorageError &error) {
        Q_EMIT errorOccurred(error.message());
    }
    {
        const QSignalBlocker blocker(m_assessments);
        m_assessments->clear();
        for (const auto &entry : std::as_const(entries)) {
            m_assessments->addItem(tr("%1 (%2, %3)")
                                       .arg(entry.title,
                                            entry.frameworkName,
                                            QLocale().toString(entry.assessedOn,
                                                               QLocale::ShortFormat)),
                                   entry.id);
        }
        const int index = m_assessments->findData(current);
        m_assessments->setCurrentIndex(index >= 0 ? index : 0);
    }
    showAssessment(m_assessments->currentIndex());
    updateEmptyState();
}

bool MaturityPane::hasData() const
{
    return m_assessments->count() > 0;
}

void MaturityPane::showAssessment(int comboIndex)
{
    m_model->setAssessment(comboIndex >= 0 ? m_assessments->itemData(comboIndex).toLongLong() : 0);
    m_table->setColumnWidth(0, 220);
    for (int column = 1; column < m_model->stageColumn(); ++column)
        m_table->setColumnWidth(column, 120);
    // Tall enough for every competency without scrolling.
    int height = m_table->horizontalHeader()->height() + 2 * m_table->frameWidth();
    for (int row = 0; row < m_model->rowCount(); ++row)
        height += m_table->rowHeight(row);
    m_table->setMinimumHeight(std::min(height, 420));
    m_chart->showAssessment(*m_model);
    const auto &sheet = m_model->sheet();
    if (sheet.id == 0) {
        m_summary->clear();
        return;
    }
    double total = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        total += m_model->averageForRow(row);
    const double overall = m_model->rowCount() > 0 ? total / m_model->rowCount() : 0;
    QStringList names;
    for (const auto &assessor : sheet.assessors)
        names << assessor.name;
    m_summary->setText(tr("%1 · overall %2 of %3 · scored by %4")
                           .arg(sheet.frameworkName, QLocale().toString(overall, 'f', 1))
                           .arg(sheet.stages.size())
                           .arg(QLocale().createSeparatedList(names)));
}
