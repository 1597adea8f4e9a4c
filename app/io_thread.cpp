// Objects living on the io thread are created and destroyed there (run_and_wait), so their
// handlers never race with their destructors.
#include "app/io_thread.hpp"

#include <boost/asio/post.hpp>

#include <cstdio>
#include <exception>
#include <future>

namespace tsur::app {

IoThread::IoThread() : guard_(boost::asio::make_work_guard(io_)) {}

IoThread::~IoThread() { stop(); }

void IoThread::start() {
    thread_ = std::thread([this] {
        // A handler that throws must not take the wall down: log it and keep serving.
        for (;;) {
            try {
                io_.run();
                return;
            } catch (const std::exception& e) {
                std::fprintf(stderr, "tsur-wall: error: io thread: %s\n", e.what());
            }
        }
    });
}

void IoThread::run_and_wait(const std::function<void()>& fn) {
    if (!thread_.joinable()) {
        fn();
        return;
    }
    std::promise<void> done;
    boost::asio::post(io_, [&] {
        fn();
        done.set_value();
    });
    done.get_future().wait();
}

void IoThread::stop() {
    guard_.reset();
    io_.stop();
    if (thread_.joinable()) thread_.join();
}

}  // namespace tsur::app
