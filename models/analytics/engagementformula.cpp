// Defaults, validation and storage of the engagement formula.
#include "engagementformula.h"

#include "settingsrepository.h"
#include "storageerror.h"

#include <QMap>

namespace {

const char *const weightKeys[] = {"engagement/weight/post",
                                  "engagement/weight/reply",
                                  "engagement/weight/mention",
                                  "engagement/weight/feed_item",
                                  "engagement/weight/comment"};
const char *const thresholdKeys[] = {"engagement/threshold/participating",
                                     "engagement/threshold/contributing",
                                     "engagement/threshold/leading"};
const char windowKey[] = "engagement/window_days";

int thresholdIndex(EngagementFormula::Level level)
{
    switch (level) {
    case EngagementFormula::Level::Participating:
        return 0;
    case EngagementFormula::Level::Contributing:
        return 1;
    case EngagementFormula::Level::Leading:
        return 2;
    default:
        return -1;
    }
}

} // namespace

EngagementFormula::EngagementFormula()
    : m_weights{3.0, 2.0, 1.0, 3.0, 1.0}
    , m_thresholds{5.0, 20.0, 60.0}
{}

double EngagementFormula::weight(Activity activity) const
{
    return m_weights.at(std::size_t(activity));
}

void EngagementFormula::setWeight(Activity activity, double weight)
{
    m_weights.at(std::size_t(activity)) = weight;
}

double EngagementFormula::threshold(Level level) const
{
    const int index = thresholdIndex(level);
    return index < 0 ? 0.0 : m_thresholds.at(std::size_t(index));
}

void EngagementFormula::setThreshold(Level level, double score)
{
    const int index = thresholdIndex(level);
    if (index >= 0)
        m_thresholds.at(std::size_t(index)) = score;
}

EngagementFormula::Level EngagementFormula::levelFor(double score, bool active) const
{
    if (!active)
        return Level::Inactive;
    if (score >= m_thresholds[2])
        return Level::Leading;
    if (score >= m_thresholds[1])
        return Level::Contributing;
    if (score >= m_thresholds[0])
        return Level::Participating;
    return Level::Exploring;
}

QString EngagementFormula::problem() const
{
    for (double weight : m_weights) {
        if (weight < 0)
            return tr("Weights cannot be negative.");
    }
    if (m_windowDays < 1 || m_windowDays > 3650)
        return tr("The look-back window must be between 1 and 3650 days.");
    if (m_thresholds[0] <= 0)
        return tr("Participating must start above a score of 0.");
    if (!(m_thresholds[0] < m_thresholds[1] && m_thresholds[1] < m_thresholds[2]))
        return tr("Each level must start at a higher score than the one below it.");
    return {};
}

QString EngagementFormula::activityName(Activity activity)
{
    switch (activity) {
    case Activity::Post:
        return tr("Posts");
    case Activity::Reply:
        return tr("Replies");
    case Activity::Mention:
        return tr("Mentions written");
    case Activity::FeedItem:
        return tr("Feed items");
    case Activity::Comment:
        return tr("Comments");
    }
    return {};
}

QString EngagementFormula::levelName(Level level)
{
    switch (level) {
    case Level::Inactive:
        return tr("Inactive");
    case Level::Exploring:
        return tr("Exploring");
    case Level::Participating:
        return tr("Participating");
    case Level::Contributing:
        return tr("Contributing");
    case Level::Leading:
        return tr("Leading");
    }
    return {};
}

QString EngagementFormula::levelName(int level)
{
    return levelName(Level(std::clamp(level, 0, LevelCount - 1)));
}

EngagementFormula EngagementFormula::load(const QString &connectionName)
{
    const QMap<QString, QString> stored = SettingsRepository(connectionName)
                                              .values(QStringLiteral("engagement/"));
    EngagementFormula formula;
    auto read = [&](const char *key, double *target) {
        bool ok = false;
        const double value = stored.value(QLatin1String(key)).toDouble(&ok);
        if (ok)
            *target = value;
    };
    for (int i = 0; i < ActivityCount; ++i)
        read(weightKeys[i], &formula.m_weights.at(std::size_t(i)));
    for (int i = 0; i < 3; ++i)
        read(thresholdKeys[i], &formula.m_thresholds.at(std::size_t(i)));
    bool ok = false;
    const int days = stored.value(QLatin1String(windowKey)).toInt(&ok);
    if (ok)
        formula.m_windowDays = days;
    // A formula broken by hand in the database falls back to the defaults, not to nonsense.
    return formula.problem().isEmpty() ? formula : EngagementFormula();
}

void EngagementFormula::save(const QString &connectionName) const
{
    if (const QString why = problem(); !why.isEmpty())
        throw StorageError(why);
    QMap<QString, QString> values;
    for (int i = 0; i < ActivityCount; ++i)
        values.insert(QLatin1String(weightKeys[i]), QString::number(m_weights.at(std::size_t(i))));
    for (int i = 0; i < 3; ++i)
        values.insert(QLatin1String(thresholdKeys[i]),
                      QString::number(m_thresholds.at(std::size_t(i))));
    values.insert(QLatin1String(windowKey), QString::number(m_windowDays));
    SettingsRepository(connectionName).setValues(values);
}
