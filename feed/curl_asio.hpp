// Runs libcurl transfers inside a Boost.Asio io_context without ever blocking it.
#pragma once

#include <curl/curl.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <unordered_map>

#include "feed/curl_handles.hpp"

namespace tsur::net {

/// A curl multi handle driven by curl_multi_socket_action: each socket curl opens is watched by
/// the io_context's reactor, curl's timeout by a steady_timer. Io thread only (create, use and
/// destroy it on the thread that runs the io_context, or while the io_context is not running).
class CurlMultiAsio {
public:
    using Done = std::function<void(CURLcode)>;

    explicit CurlMultiAsio(boost::asio::io_context& io);
    ~CurlMultiAsio();
    CurlMultiAsio(const CurlMultiAsio&) = delete;
    CurlMultiAsio& operator=(const CurlMultiAsio&) = delete;

    /// Starts a transfer; the caller keeps `easy` alive until `done` runs or remove() is called.
    /// `done` runs on the io thread, after the handle has left the multi handle.
    bool add(CURL* easy, Done done);
    /// Aborts a transfer without calling its `done`.
    void remove(CURL* easy);
    std::size_t active() const { return transfers_.size(); }

private:
    struct Socket {
        Socket(boost::asio::io_context& io, std::uint64_t gen) : desc(io), generation(gen) {}
        ~Socket();  // releases the descriptor: curl owns and closes the fd, not Asio
        boost::asio::posix::stream_descriptor desc;
        std::uint64_t generation;
        int what = 0;
        bool armed[2] = {false, false};  // [0] read, [1] write
    };

    static int on_socket(CURL* easy, curl_socket_t fd, int what, void* self, void* socketp);
    static int on_timer(CURLM* multi, long timeout_ms, void* self);
    void arm(curl_socket_t fd);
    void on_ready(curl_socket_t fd, std::uint64_t generation, int dir,
                  const boost::system::error_code& ec);
    void action(curl_socket_t fd, int events);
    void drain_done();

    boost::asio::io_context& io_;
    boost::asio::steady_timer timer_;
    std::unordered_map<curl_socket_t, std::unique_ptr<Socket>> sockets_;
    std::unordered_map<CURL*, Done> transfers_;
    std::uint64_t next_generation_ = 1;
    std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // handlers hold a weak_ptr to it
    CurlMultiPtr multi_;  // last: destroyed first, while the maps it calls back into still exist
};

}  // namespace tsur::net
