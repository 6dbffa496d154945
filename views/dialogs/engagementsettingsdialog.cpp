// Spin boxes for the formula; the summary line says in words how a score and a level come about.
#include "engagementsettingsdialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

using Level = EngagementFormula::Level;
constexpr Level thresholdLevels[] = {Level::Participating, Level::Contributing, Level::Leading};

QDoubleSpinBox *numberBox(double maximum, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, maximum);
    box->setDecimals(1);
    box->setSingleStep(0.5);
    return box;
}

} // namespace

EngagementSettingsDialog::EngagementSettingsDialog(const EngagementFormula &formula, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Engagement Levels"));
    auto *intro
        = new QLabel(tr("A member's score is the sum of their activity in the look-back "
                        "window, each kind counted with its weight. The score decides the "
                        "level; members with no activity in the window are Inactive. The "
                        "formula is stored in the community database and shared by everyone "
                        "who opens it."),
                     this);
    intro->setWordWrap(true);

    auto *weights = new QGroupBox(tr("Weights"), this);
    auto *weightsForm = new QFormLayout(weights);
    const QString hints[] = {tr("first post of a discussion"),
                             tr("answer in a discussion"),
                             tr("each @name written"),
                             tr("first post of a feed's discussion"),
                             tr("answer to a feed item")};
    for (int i = 0; i < EngagementFormula::ActivityCount; ++i) {
        QDoubleSpinBox *box = numberBox(1000, weights);
        box->setObjectName(QStringLiteral("weight%1").arg(i));
        box->setToolTip(hints[i]);
        m_weights.at(std::size_t(i)) = box;
        weightsForm->addRow(EngagementFormula::activityName(EngagementFormula::Activity(i)), box);
    }

    auto *levels = new QGroupBox(tr("Levels"), this);
    auto *levelsForm = new QFormLayout(levels);
    m_window = new QSpinBox(levels);
    m_window->setObjectName(QStringLiteral("windowDays"));
    m_window->setRange(1, 3650);
    m_window->setSuffix(tr(" days"));
    levelsForm->addRow(tr("Look back"), m_window);
    for (std::size_t i = 0; i < m_thresholds.size(); ++i) {
        QDoubleSpinBox *box = numberBox(100000, levels);
        box->setObjectName(QStringLiteral("threshold%1").arg(i));
        box->setPrefix(tr("from "));
        m_thresholds.at(i) = box;
        levelsForm->addRow(EngagementFormula::levelName(thresholdLevels[i]), box);
    }

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("formulaSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b91c1c;"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                             | QDialogButtonBox::RestoreDefaults,
                                         this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Save and Recompute"));
    auto *columns = new QHBoxLayout;
    columns->addWidget(weights);
    columns->addWidget(levels);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(columns);
    layout->addWidget(m_summary);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        setFormula(EngagementFormula());
    });
    setFormula(formula);
    for (QDoubleSpinBox *box : m_weights)
        connect(box, &QDoubleSpinBox::valueChanged, this, &EngagementSettingsDialog::update);
    for (QDoubleSpinBox *box : m_thresholds)
        connect(box, &QDoubleSpinBox::valueChanged, this, &EngagementSettingsDialog::update);
    connect(m_window, &QSpinBox::valueChanged, this, &EngagementSettingsDialog::update);
    update();
}

void EngagementSettingsDialog::setFormula(const EngagementFormula &formula)
{
    for (int i = 0; i < EngagementFormula::ActivityCount; ++i)
        m_weights.at(std::size_t(i))->setValue(formula.weight(EngagementFormula::Activity(i)));
    for (std::size_t i = 0; i < m_thresholds.size(); ++i)
        m_thresholds.at(i)->setValue(formula.threshold(thresholdLevels[i]));
    m_window->setValue(formula.windowDays());
    update();
}

EngagementFormula EngagementSettingsDialog::formula() const
{
    EngagementFormula formula;
    for (int i = 0; i < EngagementFormula::ActivityCount; ++i)
        formula.setWeight(EngagementFormula::Activity(i), m_weights.at(std::size_t(i))->value());
    for (std::size_t i = 0; i < m_thresholds.size(); ++i)
        formula.setThreshold(thresholdLevels[i], m_thresholds.at(i)->value());
    formula.setWindowDays(m_window->value());
    return formula;
}

void EngagementSettingsDialog::update()
{
    const EngagementFormula current = formula();
    const QLocale locale;
    QStringList terms;
    for (int i = 0; i < EngagementFormula::ActivityCount; ++i) {
        const auto activity = EngagementFormula::Activity(i);
        terms << tr("%1 × %2").arg(locale.toString(current.weight(activity), 'g', 4),
                                   EngagementFormula::activityName(activity).toLower());
    }
    m_summary->setText(
        tr("Score = %1, over the last %n day(s). Exploring below %2, Participating from %2, "
           "Contributing from %3, Leading from %4.",
           nullptr,
           current.windowDays())
            .arg(terms.join(QLatin1String(" + ")),
                 locale.toString(current.threshold(Level::Participating), 'g', 6),
                 locale.toString(current.threshold(Level::Contributing), 'g', 6),
                 locale.toString(current.threshold(Level::Leading), 'g', 6)));
    const QString problem = current.problem();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_ok->setEnabled(problem.isEmpty());
}
