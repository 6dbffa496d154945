// Grid of scores with averages per competency.
#include "assessmentmodel.h"

#include "storageerror.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

AssessmentModel::AssessmentModel(QString connectionName, QObject *parent)
    : QAbstractTableModel(parent)
    , m_connectionName(std::move(connectionName))
{}

void AssessmentModel::setAssessment(qint64 assessmentId)
{
    beginResetModel();
    try {
        m_sheet = assessmentId > 0 ? AssessmentRepository(m_connectionName).sheet(assessmentId)
                                   : AssessmentRepository::Sheet{};
    } catch (const StorageError &error) {
        m_sheet = {};
        endResetModel();
        Q_EMIT errorOccurred(error.message());
        return;
    }
    endResetModel();
}

int AssessmentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sheet.competencies.size());
}

int AssessmentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_sheet.competencies.isEmpty() ? 0 : stageColumn() + 1;
}

const AssessmentRepository::Score *AssessmentModel::score(int row, int assessorColumn) const
{
    const qint64 competencyId = m_sheet.competencies.at(row).id;
    const qint64 assessorId = m_sheet.assessors.at(assessorColumn).id;
    for (const AssessmentRepository::Score &s : m_sheet.scores) {
        if (s.competencyId == competencyId && s.assessorId == assessorId)
            return &s;
    }
    return nullptr;
}

double AssessmentModel::averageForRow(int row) const
{
    if (row < 0 || row >= m_sheet.competencies.size())
        return 0;
    const qint64 competencyId = m_sheet.competencies.at(row).id;
    double sum = 0;
    int n = 0;
    for (const AssessmentRepository::Score &s : m_sheet.scores) {
        if (s.competencyId == competencyId) {
            sum += s.stage;
            ++n;
        }
    }
    return n > 0 ? sum / n : 0;
}

QString AssessmentModel::stageName(double stage) const
{
    const int level = int(std::floor(stage + 1e-9));
    for (const auto &s : m_sheet.stages) {
        if (s.level == level)
            return s.name;
    }
    return {};
}

QVariant AssessmentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const auto &competency = m_sheet.competencies.at(row);
    if (role == CompetencyIdRole)
        return competency.id;

    double value = -1;
    QString evidence;
    if (column >= 1 && column <= m_sheet.assessors.size()) {
        if (const auto *s = score(row, column - 1)) {
            value = s->stage;
            evidence = s->evidence;
        }
    } else if (column == averageColumn() || column == stageColumn()) {
        const qint64 competencyId = competency.id;
        const bool scored = std::any_of(m_sheet.scores.cbegin(),
                                        m_sheet.scores.cend(),
                                        [competencyId](const AssessmentRepository::Score &s) {
                                            return s.competencyId == competencyId;
                                        });
        if (scored)
            value = averageForRow(row);
    }

    switch (role) {
    case Qt::DisplayRole:
        if (column == 0)
            return competency.name;
        if (column == stageColumn())
            return stageName(value);
        return value >= 0 ? QLocale().toString(value, 'f', 1) : QString();
    case ScoreRole:
        return value >= 0 ? QVariant(value) : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(column == 0 || column == stageColumn()
                                                     ? Qt::AlignLeft | Qt::AlignVCenter
                                                     : Qt::AlignCenter));
    case Qt::ToolTipRole: {
        if (column == 0)
            return competency.description;
        const int level = int(std::floor(value + 1e-9));
        QString tip;
        if (level >= 1 && level <= competency.criteria.size())
            tip = competency.criteria.at(level - 1);
        if (!evidence.isEmpty())
            tip += QStringLiteral("\n\n") + tr("Evidence: %1").arg(evidence);
        return tip;
    }
    default:
        return {};
    }
}

QVariant AssessmentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == 0)
        return tr("Competency");
    if (section >= 1 && section <= m_sheet.assessors.size()) {
        const auto &assessor = m_sheet.assessors.at(section - 1);
        return role == Qt::ToolTipRole ? assessor.role : assessor.name;
    }
    if (section == averageColumn())
        return tr("Average");
    if (section == stageColumn())
        return tr("Stage");
    return {};
}
