// SQL for assessments, assessors and scores.
#include "assessmentrepository.h"

#include "sqlquery.h"

#include <QDateTime>
#include <QTimeZone>

namespace {

qint64 dateToSecs(QDate date)
{
    return date.startOfDay(QTimeZone::utc()).toSecsSinceEpoch();
}

QDate secsToDate(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc()).date();
}

} // namespace

AssessmentRepository::AssessmentRepository(QString connectionName)
    : m_connectionName(std::move(connectionName))
{}

qint64 AssessmentRepository::createAssessment(qint64 frameworkId,
                                              const QString &title,
                                              QDate assessedOn,
                                              const QString &notes)
{
    SqlQuery
        insert(m_connectionName,
               QStringLiteral(
                   "INSERT INTO assessments (framework_id, title, assessed_on, notes, created_at) "
                   "VALUES (?, ?, ?, ?, ?) RETURNING id"));
    return insert.bind(frameworkId)
        .bind(title)
        .bind(dateToSecs(assessedOn))
        .bind(notes.isNull() ? QStringLiteral("") : notes) // NOT NULL; a null QString binds NULL
        .bind(QDateTime::currentSecsSinceEpoch())
        .scalar()
        .toLongLong();
}

qint64 AssessmentRepository::addAssessor(const QString &name, const QString &role)
{
    SqlQuery insert(m_connectionName,
                    QStringLiteral(
                        "INSERT INTO assessors (name, role) VALUES (?, ?) RETURNING id"));
    return insert.bind(name).bind(role).scalar().toLongLong();
}

void AssessmentRepository::setScore(qint64 assessmentId,
                                    qint64 assessorId,
                                    qint64 competencyId,
                                    double stage,
                                    const QString &evidence)
{
    SqlQuery upsert(m_connectionName,
                    QStringLiteral(
                        "INSERT INTO scores (assessment_id, assessor_id, competency_id, stage, "
                        "evidence, scored_at) VALUES (?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (assessment_id, assessor_id, competency_id) DO UPDATE SET "
                        "stage = excluded.stage, evidence = excluded.evidence, "
                        "scored_at = excluded.scored_at"));
    upsert.bind(assessmentId)
        .bind(assessorId)
        .bind(competencyId)
        .bind(stage)
        .bind(evidence.isNull() ? QStringLiteral("") : evidence)
        .bind(QDateTime::currentSecsSinceEpoch())
        .exec();
}

QList<AssessmentRepository::Entry> AssessmentRepository::list() const
{
    SqlQuery query(
        m_connectionName,
        QStringLiteral(
            "SELECT a.id, a.framework_id, a.title, f.name, a.assessed_on FROM assessments a "
            "JOIN frameworks f ON f.id = a.framework_id ORDER BY a.assessed_on DESC, a.id DESC"));
    query.exec();
    QList<Entry> entries;
    while (query.next())
        entries.append({query.toInt64(0),
                        query.toInt64(1),
                        query.toString(2),
                        query.toString(3),
                        secsToDate(query.toInt64(4))});
    return entries;
}

QList<qint64> AssessmentRepository::competencyIds(qint64 frameworkId) const
{
    SqlQuery query(m_connectionName,
                   QStringLiteral(
                       "SELECT id FROM competencies WHERE framework_id = ? ORDER BY position"));
    query.bind(frameworkId).exec();
    QList<qint64> ids;
    while (query.next())
        ids << query.toInt64(0);
    return ids;
}

AssessmentRepository::Sheet AssessmentRepository::sheet(qint64 assessmentId) const
{
    Sheet sheet;
    SqlQuery
        head(m_connectionName,
             QStringLiteral(
                 "SELECT a.id, a.title, f.name, a.assessed_on, a.notes, a.framework_id "
                 "FROM assessments a JOIN frameworks f ON f.id = a.framework_id WHERE a.id = ?"));
    head.bind(assessmentId).exec();
    if (!head.next())
        return sheet;
    sheet.id = head.toInt64(0);
    sheet.title = head.toString(1);
    sheet.frameworkName = head.toString(2);
    sheet.assessedOn = secsToDate(head.toInt64(3));
    sheet.notes = head.toString(4);
    const qint64 frameworkId = head.toInt64(5);

    SqlQuery stages(
        m_connectionName,
        QStringLiteral(
            "SELECT level, name FROM framework_stages WHERE framework_id = ? ORDER BY level"));
    stages.bind(frameworkId).exec();
    while (stages.next())
        sheet.stages.append({stages.value(0).toInt(), stages.toString(1)});

    SqlQuery competencies(m_connectionName,
                          QStringLiteral("SELECT id, name, description FROM competencies "
                                         "WHERE framework_id = ? ORDER BY position"));
    competencies.bind(frameworkId).exec();
    while (competencies.next())
        sheet.competencies.append(
            {competencies.toInt64(0), competencies.toString(1), competencies.toString(2), {}});

    SqlQuery criteria(m_connectionName,
                      QStringLiteral(
                          "SELECT description FROM competency_criteria WHERE competency_id = ? "
                          "ORDER BY stage_level"));
    for (Sheet::Competency &competency : sheet.competencies) {
        criteria.bind(competency.id).exec();
        while (criteria.next())
            competency.criteria << criteria.toString(0);
    }

    SqlQuery assessors(m_connectionName,
                       QStringLiteral(
                           "SELECT DISTINCT r.id, r.name, r.role FROM assessors r "
                           "JOIN scores s ON s.assessor_id = r.id WHERE s.assessment_id = ? "
                           "ORDER BY r.name"));
    assessors.bind(assessmentId).exec();
    while (assessors.next())
        sheet.assessors.append({assessors.toInt64(0), assessors.toString(1), assessors.toString(2)});

    SqlQuery scores(m_connectionName,
                    QStringLiteral("SELECT assessor_id, competency_id, stage, evidence FROM scores "
                                   "WHERE assessment_id = ?"));
    scores.bind(assessmentId).exec();
    while (scores.next())
        sheet.scores.append(
            {scores.toInt64(0), scores.toInt64(1), scores.value(2).toDouble(), scores.toString(3)});
    return sheet;
}
