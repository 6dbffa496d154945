// The sample community: a community of practice for people who run communities.
#include "demogenerator.h"

#include "assessmentrepository.h"
#include "communitywriter.h"
#include "engagementcalculator.h"
#include "feedrepository.h"
#include "framework.h"
#include "frameworkrepository.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "transaction.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTimeZone>
#include <QUrl>

#include <cmath>

namespace {

const char *const firstNames[] = {"Ada",    "Amara",   "Anjali",   "Ben",     "Carlos", "Chen",
                                  "Chiara", "Dana",    "Deniz",    "Elena",   "Emeka",  "Farah",
                                  "Felix",  "Grace",   "Hana",     "Hugo",    "Ines",   "Ivan",
                                  "Jamal",  "Jana",    "Kai",      "Kenji",   "Lara",   "Leon",
                                  "Lina",   "Luca",    "Maya",     "Mehdi",   "Mia",    "Nadia",
                                  "Noah",   "Olga",    "Omar",     "Priya",   "Rafael", "Rosa",
                                  "Sami",   "Sara",    "Sofia",    "Tariq",   "Theo",   "Uma",
                                  "Vera",   "Wei",     "Yara",     "Yusuf",   "Zoe",    "Aiko",
                                  "Bruno",  "Camille", "Diego",    "Esther",  "Fatima", "Gustav",
                                  "Helga",  "Ilse",    "Joao",     "Kofi",    "Lea",    "Marta",
                                  "Nils",   "Oscar",   "Paula",    "Quentin", "Ruth",   "Stefan",
                                  "Tomas",  "Ulla",    "Valentina"};

const char *const lastNames[] = {"Abara",     "Becker",    "Costa",   "Dubois",   "Eriksen",
                                 "Fischer",   "Garcia",    "Haddad",  "Ito",      "Jensen",
                                 "Kowalski",  "Lindqvist", "Moreau",  "Nakamura", "Okafor",
                                 "Petrov",    "Quinn",     "Rossi",   "Schmidt",  "Tanaka",
                                 "Umarov",    "Varga",     "Weber",   "Xu",       "Yilmaz",
                                 "Zhang",     "Almeida",   "Bauer",   "Chopra",   "Dimitrov",
                                 "Engel",     "Fontaine",  "Gomez",   "Horvath",  "Iqbal",
                                 "Jovanovic", "Keller",    "Laurent", "Mensah",   "Novak",
                                 "Olsen",     "Park",      "Richter", "Santos",   "Toure",
                                 "Ueda",      "Vogel",     "Wagner"};

const char *const memberTags[]
    = {"staff", "moderator", "champion", "newcomer", "speaker", "mentor", "partner", "alumni"};

const char *const titleTemplates[] = {"How do you onboard new members in %1?",
                                      "Monthly community call: notes from %1",
                                      "Measuring engagement without vanity metrics (%1)",
                                      "Ideas for the next meetup in %1",
                                      "Moderation guidelines: draft for %1",
                                      "What makes a great community champion? (%1)",
                                      "Tools for running async discussions in %1",
                                      "Feedback wanted: the new knowledge base for %1",
                                      "Recognising contributors: what worked in %1",
                                      "Lurkers to contributors: experiments in %1",
                                      "Office hours recap: %1",
                                      "Building a mentoring programme for %1",
                                      "Community health check results for %1",
                                      "Welcome thread: introduce yourself (%1)",
                                      "Running a hackathon for %1",
                                      "Quiet channels and how we revived them in %1"};

const char *const titleFillers[] = {"Lisbon",
                                    "Berlin",
                                    "Nairobi",
                                    "Toronto",
                                    "Osaka",
                                    "Lyon",
                                    "Q1",
                                    "Q2",
                                    "Q3",
                                    "Q4",
                                    "the design guild",
                                    "the data team",
                                    "open source",
                                    "our HR network",
                                    "the customer forum",
                                    "the learning circle",
                                    "remote teams",
                                    "the product community",
                                    "our volunteers",
                                    "the support forum"};

const char *const openers[] = {"Great question.",
                               "Thanks for starting this.",
                               "Good point.",
                               "I have been wondering the same.",
                               "Here is what we tried.",
                               "Quick update from our side.",
                               "Agree with this.",
                               "Interesting!",
                               "Adding to the thread:",
                               "From my experience:",
                               "Short answer: it depends.",
                               "Love this idea."};

const char *const bodies[] = {
    "We pair every newcomer with a buddy for the first month and it doubled the number of first "
    "posts.",
    "A short weekly digest works better for us than long newsletters nobody reads.",
    "We stopped counting page views and now track how many questions get an answer within a day.",
    "Recording the call and posting a summary helps the people in other time zones.",
    "The champions programme needs clear expectations, otherwise people burn out.",
    "Our moderators meet every two weeks to agree on edge cases before they become conflicts.",
    "Tagging threads by topic made it much easier to find earlier answers.",
    "We invite one member each month to host a session about their own work.",
    "The knowledge base only took off once we linked to it from every answered question.",
    "Public thank-you posts cost nothing and people remember them for years.",
    "Small groups of five to eight people keep conversations going much longer.",
    "We ask new members one simple question in the welcome thread so they post on day one.",
    "Surveys are useful, but the questions people ask tell you more about what they need.",
    "Async first, then a short call when a thread goes in circles.",
    "We keep a shared calendar of community events so nobody double-books.",
    "Make it easy to say no: volunteers stay longer when they can step back for a while."};

const char *const closers[] = {"Happy to share our template.",
                               "Curious what others think.",
                               "Let me know if that helps.",
                               "More next week.",
                               "Would love to hear other experiences.",
                               "",
                               "",
                               ""};

const char *const hashtags[] = {"onboarding",
                                "meetup",
                                "metrics",
                                "moderation",
                                "knowledge",
                                "async",
                                "tools",
                                "wins",
                                "newcomers",
                                "events",
                                "recognition",
                                "mentoring"};

const char *const evidenceTexts[]
    = {"Discussed in the quarterly review; examples in the shared folder.",
       "Survey answers and the forum statistics support this stage.",
       "Only some teams work this way so far.",
       "Clear examples from the last two community calls.",
       "Needs more evidence before the next review."};

template<typename T, size_t N>
constexpr int countOf(const T (&)[N])
{
    return int(N);
}

QString pick(QRandomGenerator &random, const char *const *items, int count)
{
    return QString::fromUtf8(items[random.bounded(count)]);
}

struct RosterEntry
{
    QString name;
    QString handle;
    QString email;
    double weight = 1; // how much they post
    qint64 joined = 0; // they post only after this time
};

} // namespace

DemoGenerator::DemoGenerator(Options options)
    : m_options(std::move(options))
{}

int DemoGenerator::defaultDiscussions(int posts)
{
    return std::max(1, std::max(std::min(posts, 40), posts / 10));
}

DemoGenerator::Result DemoGenerator::generate(const QString &connectionName,
                                              const Progress &progress) const
{
    QRandomGenerator random(m_options.seed);
    const QDateTime end
        = (m_options.end.isValid() ? m_options.end : QDateTime::currentDateTimeUtc()).toUTC();
    const qint64 endSecs = end.toSecsSinceEpoch();
    const qint64 spanSecs = qint64(m_options.months) * 30 * 24 * 3600;
    const int memberCount = std::max(1, m_options.members);
    const int postCount = std::max(0, m_options.posts);
    const int discussionCount = postCount == 0 ? 0
                                               : std::clamp(m_options.discussions, 1, postCount);
    const qint64 totalWork = memberCount + postCount;
    qint64 done = 0;
    auto report = [&](qint64 step) {
        done += step;
        if (progress && !progress(done, totalWork))
            throw OperationCancelled();
    };

    // The roster: unique names and handles, a weight per member that follows a long tail.
    QList<RosterEntry> roster;
    QSet<QString> handles;
    QSet<QString> names;
    const int firstCount = countOf(firstNames);
    const int lastCount = countOf(lastNames);
    for (int i = 0; i < memberCount; ++i) {
        RosterEntry entry;
        QString first;
        QString last;
        do {
            first = pick(random, firstNames, firstCount);
            last = pick(random, lastNames, lastCount);
            entry.name = first + QLatin1Char(' ') + last;
        } while (names.contains(entry.name) && names.size() < firstCount * lastCount / 2);
        if (names.contains(entry.name))
            entry.name += QStringLiteral(" %1").arg(i);
        names.insert(entry.name);
        QString handle = (first + QLatin1Char('_') + last.left(1)).toLower();
        for (int n = 2; handles.contains(handle); ++n)
            handle = (first + QLatin1Char('_') + last).toLower()
                     + (n > 2 ? QString::number(n) : QString());
        handles.insert(handle);
        entry.handle = handle;
        if (random.bounded(100) < 60)
            entry.email = QString(handle).replace(QLatin1Char('_'), QLatin1Char('.'))
                          + QStringLiteral("@example.org");
        // A fifth of the community reads but never posts.
        entry.weight = random.bounded(100) < 20 ? 0.0 : 1.0 / std::pow(double(i + 1), 0.7);
        // A third were there from the start; the others join over the months.
        entry.joined = random.bounded(100) < 35
                           ? endSecs - 2 * spanSecs
                           : endSecs - spanSecs
                                 + qint64(random.generateDouble() * double(spanSecs) * 0.95);
        roster.append(entry);
    }
    // Shuffle weights so the most active people are not always the first names generated.
    for (int i = roster.size() - 1; i > 0; --i)
        std::swap(roster[i].weight, roster[random.bounded(i + 1)].weight);
    QList<double> cumulative;
    double totalWeight = 0;
    for (const RosterEntry &entry : std::as_const(roster)) {
        totalWeight += entry.weight;
        cumulative << totalWeight;
    }
    if (totalWeight <= 0) {
        roster[0].weight = 1;
        totalWeight = 1;
        for (double &c : cumulative)
            c = 1;
    }
    auto drawAuthor = [&]() -> int {
        const double r = random.generateDouble() * totalWeight;
        return int(std::lower_bound(cumulative.cbegin(), cumulative.cend(), r)
                   - cumulative.cbegin());
    };
    // Someone who had joined by `time`, if a few draws find one.
    auto pickAuthor = [&](qint64 time) -> int {
        int author = drawAuthor();
        for (int tries = 0; roster.at(author).joined > time && tries < 30; ++tries)
            author = drawAuthor();
        return author;
    };
    auto authorOf = [&](int index) {
        const RosterEntry &entry = roster.at(index);
        return ImportAuthor{entry.name, entry.handle, entry.email, {}};
    };

    Result result;
    Transaction transaction(connectionName);
    CommunityWriter writer(connectionName);
    writer.setDeferStatistics(true);
    const QString forum = QStringLiteral("Community Forum");

    // Members, in batches so progress moves.
    constexpr int memberBatchSize = 2000;
    for (int start = 0; start < roster.size(); start += memberBatchSize) {
        ImportBatch batch;
        batch.sourceKind = QStringLiteral("forum");
        batch.sourceName = forum;
        const int stop = std::min<int>(start + memberBatchSize, roster.size());
        for (int i = start; i < stop; ++i) {
            ImportMember member;
            member.identity = authorOf(i);
            const int tagCount = random.bounded(100) < 55 ? 1 : (random.bounded(100) < 30 ? 2 : 0);
            for (int t = 0; t < tagCount; ++t) {
                const QString tag = pick(random, memberTags, countOf(memberTags));
                if (!member.tags.contains(tag))
                    member.tags << tag;
            }
            batch.members.append(member);
        }
        result.members += writer.write(batch).membersCreated;
        report(stop - start);
    }

    // Discussions: every one gets a first post, the rest of the posts go to threads with a
    // long tail of thread lengths.
    QList<int> postsPerDiscussion(discussionCount, 1);
    for (int i = discussionCount; i < postCount; ++i) {
        const double r = random.generateDouble();
        postsPerDiscussion[int(std::pow(r, 1.6) * discussionCount) % discussionCount] += 1;
    }

    constexpr int discussionBatchSize = 200;
    const int titleCount = countOf(titleTemplates);
    const int fillerCount = countOf(titleFillers);
    for (int start = 0; start < discussionCount; start += discussionBatchSize) {
        ImportBatch batch;
        batch.sourceKind = QStringLiteral("forum");
        batch.sourceName = forum;
        int postsInBatch = 0;
        const int stop = std::min(start + discussionBatchSize, discussionCount);
        for (int d = start; d < stop; ++d) {
            ImportDiscussion discussion;
            discussion.externalId = QStringLiteral("t%1").arg(d + 1);
            discussion.title = QString::fromUtf8(titleTemplates[random.bounded(titleCount)])
                                   .arg(QString::fromUtf8(
                                       titleFillers[random.bounded(fillerCount)]));
            qint64 time = endSecs - spanSecs
                          + qint64(random.generateDouble() * double(spanSecs) * 0.97);
            discussion.created = QDateTime::fromSecsSinceEpoch(time, QTimeZone::utc());
            discussion.url = QStringLiteral("https://forum.example.org/t/%1").arg(d + 1);
            QList<int> authors;
            for (int p = 0; p < postsPerDiscussion.at(d); ++p) {
                ImportPost post;
                post.externalId = QStringLiteral("p%1-%2").arg(d + 1).arg(p + 1);
                if (p > 0) {
                    // Replies follow within minutes to days, never after the end.
                    time = std::min(endSecs,
                                    time + 60
                                        + qint64(std::pow(random.generateDouble(), 3) * 3 * 86400));
                }
                const int author = pickAuthor(time);
                post.author = authorOf(author);
                int parentIndex = -1;
                if (p > 0) {
                    const int choice = random.bounded(10);
                    parentIndex = choice < 5 ? 0 : (choice < 8 ? int(random.bounded(p)) : p - 1);
                    post.parentExternalId = discussion.posts.at(parentIndex).externalId;
                }
                post.created = QDateTime::fromSecsSinceEpoch(time, QTimeZone::utc());
                QStringList words;
                if (p > 0)
                    words << pick(random, openers, countOf(openers));
                if (parentIndex >= 0 && random.bounded(100) < 35) {
                    const int other = authors.at(parentIndex);
                    if (other != author)
                        words << QLatin1Char('@') + roster.at(other).handle;
                }
                words << pick(random, bodies, countOf(bodies));
                if (random.bounded(100) < 15)
                    words << QStringLiteral("cc @") + roster.at(pickAuthor(time)).handle;
                if (random.bounded(100) < 30)
                    words << QLatin1Char('#') + pick(random, hashtags, countOf(hashtags));
                if (random.bounded(100) < 6)
                    words << QStringLiteral("https://wiki.example.org/guides/%1")
                                 .arg(random.bounded(40) + 1);
                words << pick(random, closers, countOf(closers));
                post.text = words.join(QLatin1Char(' ')).simplified();
                post.url = discussion.url + QStringLiteral("/%1").arg(p + 1);
                discussion.posts.append(post);
                authors << author;
            }
            postsInBatch += discussion.posts.size();
            batch.discussions.append(discussion);
        }
        const WriteSummary summary = writer.write(batch);
        result.discussions += summary.discussionsCreated;
        result.posts += summary.postsCreated;
        result.mentions += summary.mentions;
        report(postsInBatch);
    }

    if (m_options.feeds) {
        struct FeedPlan
        {
            const char *url;
            const char *title;
            const char *folder;
            const char *format;
            int items;
            const char *itemTitle;
        };
        const FeedPlan plans[] = {{"https://blog.example.org/feed.xml",
                                   "Community Blog",
                                   "Community",
                                   "rss",
                                   8,
                                   "Community spotlight #%1"},
                                  {"https://forum.example.org/c/announcements.atom",
                                   "Forum Announcements",
                                   "Community",
                                   "atom",
                                   6,
                                   "Announcement: release notes %1"},
                                  {"https://podcast.example.org/feed.rss",
                                   "Community Voices Podcast",
                                   "Podcasts",
                                   "podcast",
                                   6,
                                   "Episode %1: people who make communities work"}};
        FeedRepository feeds(connectionName);
        for (const FeedPlan &plan : plans) {
            FeedRepository::NewFeed newFeed;
            newFeed.url = QString::fromUtf8(plan.url);
            newFeed.title = QString::fromUtf8(plan.title);
            newFeed.folderPath = QString::fromUtf8(plan.folder);
            newFeed.format = QString::fromUtf8(plan.format);
            newFeed.siteUrl = QUrl(newFeed.url).adjusted(QUrl::RemovePath).toString();
            const qint64 feedId = feeds.addFeed(newFeed);
            // The sample's addresses lead nowhere: its feeds are paused, never synced.
            SqlQuery(connectionName,
                     QStringLiteral("UPDATE feeds SET status = 'paused' WHERE id = ?"))
                .bind(feedId)
                .exec();
            ++result.feeds;

            ImportBatch batch;
            batch.sourceKind = QStringLiteral("feed");
            batch.sourceName = newFeed.url;
            batch.sourceUrl = newFeed.url;
            batch.feedId = feedId;
            for (int i = 0; i < plan.items; ++i) {
                const qint64 time = endSecs - spanSecs + (spanSecs * (i + 1)) / (plan.items + 1)
                                    + random.bounded(86400);
                ImportDiscussion discussion;
                discussion.title = QString::fromUtf8(plan.itemTitle).arg(i + 1);
                discussion.externalId = newFeed.url + QStringLiteral("#item-%1").arg(i + 1);
                discussion.url = newFeed.siteUrl + QStringLiteral("/posts/%1").arg(i + 1);
                discussion.created = QDateTime::fromSecsSinceEpoch(time, QTimeZone::utc());
                // Feed authors are known by e-mail, which links them to their forum identity.
                int writerIndex = pickAuthor(time);
                for (int tries = 0; roster.at(writerIndex).email.isEmpty() && tries < 50; ++tries)
                    writerIndex = pickAuthor(time);
                const RosterEntry &writerEntry = roster.at(writerIndex);
                ImportPost post;
                post.externalId = discussion.externalId;
                post.author = ImportAuthor{writerEntry.name, {}, writerEntry.email, {}};
                post.created = discussion.created;
                const QString first = pick(random, bodies, countOf(bodies));
                const QString second = pick(random, bodies, countOf(bodies));
                post.text = first + QLatin1Char(' ') + second;
                post.html = QStringLiteral("<p>%1</p><p>%2</p>")
                                .arg(first.toHtmlEscaped(), second.toHtmlEscaped());
                post.url = discussion.url;
                discussion.posts.append(post);
                discussion.hasFeedItem = true;
                discussion.feedItem.dedupKey = discussion.externalId;
                discussion.feedItem.title = discussion.title;
                discussion.feedItem.link = discussion.url;
                discussion.feedItem.published = discussion.created;
                if (QLatin1String(plan.format) == QLatin1String("podcast")) {
                    discussion.feedItem.enclosures.append(
                        {newFeed.siteUrl + QStringLiteral("/audio/episode-%1.mp3").arg(i + 1),
                         QStringLiteral("audio/mpeg"),
                         20'000'000 + random.bounded(30'000'000),
                         1200 + int(random.bounded(2400))});
                }
                batch.discussions.append(discussion);
            }
            result.feedItems += writer.write(batch).feedItems;
            // The older half has been read already.
            const auto items = feeds.items(feedId, 0, plan.items);
            for (qsizetype i = items.size() / 2; i < items.size(); ++i)
                feeds.setRead(items.at(i).id, true);
        }
    }

    writer.refreshStatistics();
    // Engagement as of the newest activity, so the sample shows every level.
    EngagementCalculator(connectionName).recomputeAll(end);

    if (m_options.assessment) {
        FrameworkRepository frameworks(connectionName);
        for (const Framework &framework : Framework::builtIn())
            frameworks.install(framework);
        const qint64 frameworkId = frameworks.idForKey(QStringLiteral("cmm"));
        if (frameworkId > 0) {
            AssessmentRepository assessments(connectionName);
            const QDate date = end.date().addDays(-21);
            const qint64 assessmentId = assessments.createAssessment(
                frameworkId,
                QStringLiteral("Community maturity review %1")
                    .arg(date.toString(QStringLiteral("MMMM yyyy"))),
                date,
                QStringLiteral(
                    "Scored together in the quarterly review; evidence linked per competency."));
            const char *const roles[] = {"Community lead", "HR business partner", "L&D manager"};
            QList<qint64> assessorIds;
            for (int i = 0; i < 3; ++i)
                assessorIds << assessments.addAssessor(roster.at(i % roster.size()).name,
                                                       QString::fromUtf8(roles[i]));
            for (const qint64 competencyId : assessments.competencyIds(frameworkId)) {
                const double base = 1.5 + random.generateDouble() * 2.0;
                for (const qint64 assessorId : std::as_const(assessorIds)) {
                    const double noisy = base + (random.generateDouble() - 0.5);
                    const double stage = std::clamp(std::round(noisy * 2.0) / 2.0, 1.0, 4.0);
                    assessments.setScore(assessmentId,
                                         assessorId,
                                         competencyId,
                                         stage,
                                         pick(random, evidenceTexts, countOf(evidenceTexts)));
                }
            }
            result.assessments = 1;
        }
    }

    transaction.commit();
    return result;
}
