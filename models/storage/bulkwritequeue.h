// Runs the flushes of BulkInserters on a thread of its own, one after another in the order they
// were asked for, while the thread that owns the connection prepares the next rows. That thread
// must not use the connection itself until wait() returned: a connection serves one thread at
// a time (Qt opens SQLite connections without SQLite's own mutex).
#pragma once

#include <QtGlobal>

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

class BulkWriteQueue final
{
public:
    BulkWriteQueue();
    // Waits for the flush running, drops the others.
    ~BulkWriteQueue();
    Q_DISABLE_COPY_MOVE(BulkWriteQueue)

    // Queues a flush. After one failed, the later ones are dropped until wait() or abandon().
    void post(std::function<void()> flush);
    // Returns when every queued flush has run; rethrows the first that failed.
    void wait();
    // Returns when the flush running has ended; drops the others and any failure (the caller is
    // rolling back).
    void abandon();

private:
    void run();

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::function<void()>> m_flushes;
    bool m_running = false; // a flush is being run
    bool m_stopping = false;
    std::exception_ptr m_failure;
    std::thread m_thread;
};
