// The io thread: one Boost.Asio io_context for the feed client, the servers and the demo feed.
#pragma once

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <functional>
#include <thread>

namespace tsur::app {

/// Owns the io_context and its thread; construct and destroy on the main thread.
class IoThread {
public:
    IoThread();
    ~IoThread();
    IoThread(const IoThread&) = delete;
    IoThread& operator=(const IoThread&) = delete;

    boost::asio::io_context& context() { return io_; }
    void start();
    /// Runs `fn` on the io thread and waits for it (for start-up and shut-down of io objects).
    void run_and_wait(const std::function<void()>& fn);
    /// Stops the loop and joins the thread; idempotent.
    void stop();

private:
    boost::asio::io_context io_;
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> guard_;
    std::thread thread_;
};

}  // namespace tsur::app
