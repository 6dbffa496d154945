// Tests AssessmentModel (with QAbstractItemModelTester): scores, averages and stages per row.
#include "assessmentmodel.h"
#include "assessmentrepository.h"
#include "framework.h"
#include "frameworkrepository.h"
#include "sqlquery.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

class tst_AssessmentModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void gridShape();
    void scoresAndAverages();
    void stageAndCriteria();
    void missingScores();
    void noAssessment();

private:
    [[nodiscard]] qint64 assessmentId() const;

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<AssessmentModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_AssessmentModel::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    m_model = std::make_unique<AssessmentModel>(m_db->connectionName());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), 0);
    QVERIFY2(m_db->fillDemo(TestDatabase::demoOptions()), qPrintable(m_db->errorString()));
}

void tst_AssessmentModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_db.reset();
}

qint64 tst_AssessmentModel::assessmentId() const
{
    return m_db->count(QStringLiteral("SELECT MIN(id) FROM assessments"));
}

void tst_AssessmentModel::gridShape()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setAssessment(assessmentId());
    QCOMPARE(reset.count(), 1);

    const qint64 frameworkId = m_db->count(QStringLiteral(
                                               "SELECT framework_id FROM assessments WHERE id = ?"),
                                           {assessmentId()});
    const QVariantList competencies = m_db->column(
        QStringLiteral("SELECT name FROM competencies WHERE framework_id = ? ORDER BY position"),
        {frameworkId});
    QCOMPARE(competencies.size(), 8);
    QCOMPARE(m_model->rowCount(), competencies.size());
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->index(row, 0).data().toString(), competencies.at(row).toString());

    const QVariantList assessors = m_db->column(
        QStringLiteral("SELECT DISTINCT r.name FROM assessors r JOIN scores s ON s.assessor_id = "
                       "r.id WHERE s.assessment_id = ? ORDER BY r.name"),
        {assessmentId()});
    QCOMPARE(assessors.size(), 3);
    // Competency, one column per assessor, the average, the stage.
    QCOMPARE(m_model->columnCount(), 1 + int(assessors.size()) + 2);
    QCOMPARE(m_model->averageColumn(), 1 + int(assessors.size()));
    QCOMPARE(m_model->stageColumn(), m_model->averageColumn() + 1);
    for (int i = 0; i < assessors.size(); ++i)
        QCOMPARE(m_model->headerData(1 + i, Qt::Horizontal).toString(), assessors.at(i).toString());
    QVERIFY(!m_model->headerData(m_model->averageColumn(), Qt::Horizontal).toString().isEmpty());
    QVERIFY(!m_model->headerData(m_model->stageColumn(), Qt::Horizontal).toString().isEmpty());
    QCOMPARE(m_model->sheet().title,
             m_db->scalar(QStringLiteral("SELECT title FROM assessments WHERE id = ?"),
                          {assessmentId()})
                 .toString());
}

void tst_AssessmentModel::scoresAndAverages()
{
    m_model->setAssessment(assessmentId());
    QVERIFY(m_model->rowCount() > 0);
    SqlQuery score(m_db->connectionName(),
                   QStringLiteral("SELECT s.stage FROM scores s JOIN assessors r ON r.id = "
                                  "s.assessor_id WHERE s.assessment_id = ? AND s.competency_id = "
                                  "? AND r.name = ?"));
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const qint64 competencyId
            = m_model->index(row, 0).data(AssessmentModel::CompetencyIdRole).toLongLong();
        double sum = 0;
        int n = 0;
        for (int column = 1; column < m_model->averageColumn(); ++column) {
            const QString assessor = m_model->headerData(column, Qt::Horizontal).toString();
            score.bind(assessmentId()).bind(competencyId).bind(assessor).exec();
            QVERIFY(score.next());
            const double stored = score.value(0).toDouble();
            QCOMPARE(m_model->index(row, column).data(AssessmentModel::ScoreRole).toDouble(),
                     stored);
            QVERIFY(!m_model->index(row, column).data().toString().isEmpty());
            sum += stored;
            ++n;
        }
        QCOMPARE(n, 3);
        const double stored = m_db->scalar(QStringLiteral(
                                               "SELECT AVG(stage) FROM scores WHERE "
                                               "assessment_id = ? AND competency_id = ?"),
                                           {assessmentId(), competencyId})
                                  .toDouble();
        QCOMPARE(stored, sum / n);
        QCOMPARE(m_model->averageForRow(row), sum / n);
        QCOMPARE(m_model->index(row, m_model->averageColumn())
                     .data(AssessmentModel::ScoreRole)
                     .toDouble(),
                 sum / n);
    }
    QCOMPARE(m_model->averageForRow(-1), 0.0);
    QCOMPARE(m_model->averageForRow(m_model->rowCount()), 0.0);
}

void tst_AssessmentModel::stageAndCriteria()
{
    m_model->setAssessment(assessmentId());
    const qint64 frameworkId = m_db->count(QStringLiteral(
                                               "SELECT framework_id FROM assessments WHERE id = ?"),
                                           {assessmentId()});
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const int level = int(std::floor(m_model->averageForRow(row) + 1e-9));
        QCOMPARE(m_model->index(row, m_model->stageColumn()).data().toString(),
                 m_db->scalar(QStringLiteral("SELECT name FROM framework_stages WHERE "
                                             "framework_id = ? AND level = ?"),
                              {frameworkId, level})
                     .toString());

        // An assessor's cell explains the stage they gave with the framework's criterion.
        const qint64 competencyId
            = m_model->index(row, 0).data(AssessmentModel::CompetencyIdRole).toLongLong();
        const double given = m_model->index(row, 1).data(AssessmentModel::ScoreRole).toDouble();
        const QString criterion = m_db->scalar(QStringLiteral(
                                                   "SELECT description FROM "
                                                   "competency_criteria WHERE competency_id "
                                                   "= ? AND stage_level = ?"),
                                               {competencyId, int(std::floor(given + 1e-9))})
                                      .toString();
        QVERIFY(!criterion.isEmpty());
        QVERIFY(m_model->index(row, 1).data(Qt::ToolTipRole).toString().startsWith(criterion));
        // The competency cell describes the competency.
        QCOMPARE(m_model->index(row, 0).data(Qt::ToolTipRole).toString(),
                 m_db->scalar(QStringLiteral("SELECT description FROM competencies WHERE id = ?"),
                              {competencyId})
                     .toString());
    }
}

void tst_AssessmentModel::missingScores()
{
    // A new assessment where only one assessor scored one competency so far.
    const Framework cmm = Framework::builtIn().constFirst();
    const qint64 frameworkId = FrameworkRepository(m_db->connectionName()).idForKey(cmm.key);
    QVERIFY(frameworkId > 0);
    AssessmentRepository repository(m_db->connectionName());
    const qint64 id = repository.createAssessment(frameworkId,
                                                  QStringLiteral("First draft"),
                                                  QDate(2026, 7, 1),
                                                  QString());
    const qint64 assessor = repository.addAssessor(QStringLiteral("Solo Scorer"), QString());
    const QList<qint64> competencies = repository.competencyIds(frameworkId);
    QCOMPARE(competencies.size(), cmm.competencies.size());
    repository.setScore(id, assessor, competencies.at(2), 2.5, QStringLiteral("Seen in March."));
    // Scoring again replaces the score.
    repository.setScore(id, assessor, competencies.at(2), 3.0, QStringLiteral("Seen in April."));
    // Evidence is optional.
    repository.setScore(id, assessor, competencies.at(5), 1.0, QString());

    m_model->setAssessment(id);
    QCOMPARE(m_model->rowCount(), int(cmm.competencies.size()));
    QCOMPARE(m_model->columnCount(), 1 + 1 + 2);
    QCOMPARE(m_model->index(2, 1).data(AssessmentModel::ScoreRole).toDouble(), 3.0);
    QVERIFY(m_model->index(2, 1)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("Seen in April.")));
    QCOMPARE(m_model->averageForRow(2), 3.0);
    QCOMPARE(m_model->index(5, 1).data(AssessmentModel::ScoreRole).toDouble(), 1.0);
    QVERIFY(
        !m_model->index(5, 1).data(Qt::ToolTipRole).toString().contains(QLatin1String("Evidence")));
    QCOMPARE(m_model->sheet().notes, QString());
    // Cells nobody scored are empty, not zero.
    QVERIFY(!m_model->index(0, 1).data(AssessmentModel::ScoreRole).isValid());
    QVERIFY(m_model->index(0, 1).data().toString().isEmpty());
    QCOMPARE(m_model->averageForRow(0), 0.0);
}

void tst_AssessmentModel::noAssessment()
{
    m_model->setAssessment(assessmentId());
    QVERIFY(m_model->rowCount() > 0);
    m_model->setAssessment(0);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), 0);
    m_model->setAssessment(987654);
    QCOMPARE(m_model->rowCount(), 0);
}

QTEST_GUILESS_MAIN(tst_AssessmentModel)
#include "tst_assessmentmodel.moc"
