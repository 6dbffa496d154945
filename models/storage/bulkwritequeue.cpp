// One thread, one queue, one condition for every change of either.
#include "bulkwritequeue.h"

BulkWriteQueue::BulkWriteQueue()
    : m_thread([this] { run(); })
{}

BulkWriteQueue::~BulkWriteQueue()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_flushes.clear();
    }
    m_changed.notify_all();
    m_thread.join();
}

void BulkWriteQueue::post(std::function<void()> flush)
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_failure)
            return;
        m_flushes.push_back(std::move(flush));
    }
    m_changed.notify_all();
}

void BulkWriteQueue::wait()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_flushes.empty() && !m_running; });
    if (m_failure)
        std::rethrow_exception(std::exchange(m_failure, nullptr));
}

void BulkWriteQueue::abandon()
{
    std::unique_lock lock(m_mutex);
    m_flushes.clear();
    m_changed.wait(lock, [this] { return !m_running; });
    m_failure = nullptr;
}

void BulkWriteQueue::run()
{
    std::unique_lock lock(m_mutex);
    while (true) {
        m_changed.wait(lock, [this] { return m_stopping || !m_flushes.empty(); });
        if (m_stopping)
            return;
        std::function<void()> flush = std::move(m_flushes.front());
        m_flushes.pop_front();
        m_running = true;
        lock.unlock();
        std::exception_ptr failure;
        try {
            flush();
        } catch (...) {
            failure = std::current_exception();
        }
        // The flush (and the rows it holds) goes before the waiting caller hears of it.
        flush = nullptr;
        lock.lock();
        m_running = false;
        if (failure) {
            m_failure = failure;
            m_flushes.clear();
        }
        m_changed.notify_all();
    }
}
