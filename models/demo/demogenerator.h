// Generates a believable sample community (members, threads, feeds, an assessment) from a seed.
// The same options always give the same community; it scales to benchmark sizes.
#pragma once

#include <QDateTime>
#include <QString>

#include <functional>

class DemoGenerator final
{
public:
    struct Options
    {
        int members = 60;
        int discussions = 40;
        int posts = 400;
        quint32 seed = 1;
        QDateTime end; // the newest activity; invalid means now
        int months = 6;
        bool feeds = true;
        bool assessment = true;
    };

    struct Result
    {
        int members = 0;
        int discussions = 0;
        int posts = 0;
        int mentions = 0;
        int feeds = 0;
        int feedItems = 0;
        int assessments = 0;
    };

    // Called with work done and total work; returning false cancels (nothing is stored).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    explicit DemoGenerator(Options options);

    // Writes the whole community in one transaction. Throws StorageError (OperationCancelled
    // when cancelled); nothing is stored then.
    Result generate(const QString &connectionName, const Progress &progress = {}) const;

    // Discussions used when only members/posts are given: about ten posts per thread.
    [[nodiscard]] static int defaultDiscussions(int posts);

private:
    Options m_options;
};
