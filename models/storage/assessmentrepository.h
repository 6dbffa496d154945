// Maturity assessments: who scored which competency at which stage, with evidence.
#pragma once

#include <QDate>
#include <QList>
#include <QString>

class AssessmentRepository final
{
public:
    struct Entry
    {
        qint64 id = 0;
        qint64 frameworkId = 0;
        QString title;
        QString frameworkName;
        QDate assessedOn;
    };

    struct Score
    {
        qint64 assessorId = 0;
        qint64 competencyId = 0;
        double stage = 0;
        QString evidence;
    };

    // Everything a grid needs to show one assessment.
    struct Sheet
    {
        qint64 id = 0;
        QString title;
        QString frameworkName;
        QDate assessedOn;
        QString notes;
        struct Stage
        {
            int level = 0;
            QString name;
        };
        struct Competency
        {
            qint64 id = 0;
            QString name;
            QString description;
            QStringList criteria; // by stage
        };
        struct Assessor
        {
            qint64 id = 0;
            QString name;
            QString role;
        };
        QList<Stage> stages;
        QList<Competency> competencies;
        QList<Assessor> assessors;
        QList<Score> scores;
    };

    explicit AssessmentRepository(QString connectionName);

    qint64 createAssessment(qint64 frameworkId,
                            const QString &title,
                            QDate assessedOn,
                            const QString &notes);
    qint64 addAssessor(const QString &name, const QString &role);
    void setScore(qint64 assessmentId,
                  qint64 assessorId,
                  qint64 competencyId,
                  double stage,
                  const QString &evidence);

    [[nodiscard]] QList<Entry> list() const;
    [[nodiscard]] Sheet sheet(qint64 assessmentId) const;
    [[nodiscard]] QList<qint64> competencyIds(qint64 frameworkId) const;

private:
    QString m_connectionName;
};
