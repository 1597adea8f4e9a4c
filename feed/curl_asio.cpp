// curl_multi_socket_action on Asio: curl says which sockets to watch, Asio says when they are ready.
#include "feed/curl_asio.hpp"

#include <poll.h>

#include <boost/asio/post.hpp>
#include <stdexcept>

namespace tsur::net {

namespace asio = boost::asio;

CurlMultiAsio::Socket::~Socket() {
    // release() deregisters from the reactor and aborts pending waits without closing the fd.
    if (desc.is_open()) desc.release();
}

CurlMultiAsio::CurlMultiAsio(asio::io_context& io)
    : io_(io), timer_(io), multi_(curl_multi_init()) {
    if (!multi_) throw std::runtime_error("curl_multi_init failed");
    curl_multi_setopt(multi_.get(), CURLMOPT_SOCKETFUNCTION, &CurlMultiAsio::on_socket);
    curl_multi_setopt(multi_.get(), CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi_.get(), CURLMOPT_TIMERFUNCTION, &CurlMultiAsio::on_timer);
    curl_multi_setopt(multi_.get(), CURLMOPT_TIMERDATA, this);
}

CurlMultiAsio::~CurlMultiAsio() {
    alive_.reset();
    timer_.cancel();
    for (auto& [easy, done] : transfers_) curl_multi_remove_handle(multi_.get(), easy);
    transfers_.clear();
    multi_.reset();  // may still call on_socket(REMOVE) for cached connections
    sockets_.clear();
}

bool CurlMultiAsio::add(CURL* easy, Done done) {
    if (curl_multi_add_handle(multi_.get(), easy) != CURLM_OK) return false;
    transfers_.emplace(easy, std::move(done));
    return true;
}

void CurlMultiAsio::remove(CURL* easy) {
    if (transfers_.erase(easy) > 0) curl_multi_remove_handle(multi_.get(), easy);
}

int CurlMultiAsio::on_socket(CURL*, curl_socket_t fd, int what, void* self_ptr, void*) {
    auto& self = *static_cast<CurlMultiAsio*>(self_ptr);
    if (what == CURL_POLL_REMOVE) {
        self.sockets_.erase(fd);
        return 0;
    }
    auto it = self.sockets_.find(fd);
    if (it == self.sockets_.end()) {
        auto sock = std::make_unique<Socket>(self.io_, self.next_generation_++);
        boost::system::error_code ec;
        sock->desc.assign(fd, ec);
        // On failure the socket stays unwatched and curl's own timeout ends the transfer.
        if (ec) return 0;
        it = self.sockets_.emplace(fd, std::move(sock)).first;
    }
    it->second->what = what;
    self.arm(fd);
    return 0;
}

int CurlMultiAsio::on_timer(CURLM*, long timeout_ms, void* self_ptr) {
    auto& self = *static_cast<CurlMultiAsio*>(self_ptr);
    if (timeout_ms < 0) {
        self.timer_.cancel();
        return 0;
    }
    // curl forbids calling socket_action from inside this callback: defer even a zero timeout.
    self.timer_.expires_after(std::chrono::milliseconds{timeout_ms});
    self.timer_.async_wait(
        [&self, alive = std::weak_ptr<int>(self.alive_)](const boost::system::error_code& ec) {
            if (ec || alive.expired()) return;
            self.action(CURL_SOCKET_TIMEOUT, 0);
        });
    return 0;
}

void CurlMultiAsio::arm(curl_socket_t fd) {
    auto it = sockets_.find(fd);
    if (it == sockets_.end()) return;
    Socket& s = *it->second;
    for (int dir = 0; dir < 2; ++dir) {
        const bool wants = (s.what & (dir == 0 ? CURL_POLL_IN : CURL_POLL_OUT)) != 0;
        if (!wants || s.armed[dir]) continue;
        s.armed[dir] = true;
        auto handler = [this, alive = std::weak_ptr<int>(alive_), fd, gen = s.generation,
                        dir](const boost::system::error_code& ec) {
            if (alive.expired()) return;
            on_ready(fd, gen, dir, ec);
        };
        // Asio's epoll reactor is edge-triggered and its waits are not speculative: readiness
        // that arrived while no wait was queued would never be reported. Ask the kernel first.
        pollfd p{fd, static_cast<short>(dir == 0 ? POLLIN : POLLOUT), 0};
        if (::poll(&p, 1, 0) > 0) {
            asio::post(io_, [handler]() { handler(boost::system::error_code{}); });
        } else {
            s.desc.async_wait(dir == 0 ? asio::posix::stream_descriptor::wait_read
                                       : asio::posix::stream_descriptor::wait_write,
                              handler);
        }
    }
}

void CurlMultiAsio::on_ready(curl_socket_t fd, std::uint64_t generation, int dir,
                             const boost::system::error_code& ec) {
    auto it = sockets_.find(fd);
    // The fd was closed (and maybe reused for a new socket) since this wait began.
    if (it == sockets_.end() || it->second->generation != generation) return;
    it->second->armed[dir] = false;
    if (ec == asio::error::operation_aborted) return;
    if (ec) {
        // Re-arming a broken descriptor would spin; let curl see the error once instead.
        action(fd, CURL_CSELECT_ERR);
        return;
    }
    std::weak_ptr<int> alive = alive_;
    action(fd, dir == 0 ? CURL_CSELECT_IN : CURL_CSELECT_OUT);
    if (!alive.expired()) arm(fd);
}

void CurlMultiAsio::action(curl_socket_t fd, int events) {
    int running = 0;
    curl_multi_socket_action(multi_.get(), fd, events, &running);
    drain_done();
}

void CurlMultiAsio::drain_done() {
    std::weak_ptr<int> alive = alive_;
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi_.get(), &left)) {
        if (msg->msg != CURLMSG_DONE) continue;
        CURL* easy = msg->easy_handle;
        const CURLcode code = msg->data.result;
        auto it = transfers_.find(easy);
        if (it == transfers_.end()) continue;
        Done done = std::move(it->second);
        transfers_.erase(it);
        curl_multi_remove_handle(multi_.get(), easy);
        if (done) done(code);
        // The callback may have destroyed this object (a one-shot fetch that shuts down).
        if (alive.expired()) return;
    }
}

}  // namespace tsur::net
