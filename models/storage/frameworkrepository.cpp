// SQL for frameworks, stages, competencies and criteria.
#include "frameworkrepository.h"

#include "sqlquery.h"
#include "transaction.h"

FrameworkRepository::FrameworkRepository(QString connectionName)
    : m_connectionName(std::move(connectionName))
{}

qint64 FrameworkRepository::install(const Framework &framework)
{
    Transaction transaction(m_connectionName);
    SqlQuery upsert(m_connectionName,
                    QStringLiteral(
                        "INSERT INTO frameworks (key, name, version, publisher, description) "
                        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
                        "name = excluded.name, version = excluded.version, "
                        "publisher = excluded.publisher, description = excluded.description "
                        "RETURNING id"));
    const qint64 frameworkId = upsert.bind(framework.key)
                                   .bind(framework.name)
                                   .bind(framework.version)
                                   .bind(framework.publisher)
                                   .bind(framework.description)
                                   .scalar()
                                   .toLongLong();

    SqlQuery
        stage(m_connectionName,
              QStringLiteral(
                  "INSERT INTO framework_stages (framework_id, level, key, name, description) "
                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (framework_id, level) DO UPDATE SET "
                  "key = excluded.key, name = excluded.name, description = excluded.description"));
    for (const FrameworkStage &s : framework.stages)
        stage.bind(frameworkId).bind(s.level).bind(s.key).bind(s.name).bind(s.description).exec();

    SqlQuery
        competency(m_connectionName,
                   QStringLiteral(
                       "INSERT INTO competencies (framework_id, key, name, description, position) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT (framework_id, key) DO UPDATE SET "
                       "name = excluded.name, description = excluded.description, "
                       "position = excluded.position RETURNING id"));
    SqlQuery
        criterion(m_connectionName,
                  QStringLiteral(
                      "INSERT INTO competency_criteria (competency_id, stage_level, description) "
                      "VALUES (?, ?, ?) ON CONFLICT (competency_id, stage_level) DO UPDATE SET "
                      "description = excluded.description"));
    for (qsizetype i = 0; i < framework.competencies.size(); ++i) {
        const FrameworkCompetency &c = framework.competencies.at(i);
        const qint64 competencyId = competency.bind(frameworkId)
                                        .bind(c.key)
                                        .bind(c.name)
                                        .bind(c.description)
                                        .bind(int(i))
                                        .scalar()
                                        .toLongLong();
        for (qsizetype level = 0; level < c.criteria.size(); ++level)
            criterion.bind(competencyId)
                .bind(framework.stages.at(level).level)
                .bind(c.criteria.at(level))
                .exec();
    }
    transaction.commit();
    return frameworkId;
}

QList<FrameworkRepository::Entry> FrameworkRepository::list() const
{
    SqlQuery query(m_connectionName,
                   QStringLiteral("SELECT id, key, name FROM frameworks ORDER BY name"));
    query.exec();
    QList<Entry> entries;
    while (query.next())
        entries.append({query.toInt64(0), query.toString(1), query.toString(2)});
    return entries;
}

qint64 FrameworkRepository::idForKey(const QString &key) const
{
    SqlQuery query(m_connectionName, QStringLiteral("SELECT id FROM frameworks WHERE key = ?"));
    return query.bind(key).scalar().toLongLong();
}
