// Acceptor loop of the embedded HTTP server; owns weak references to live sessions for stop().
#include "server/http_server.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <string>
#include <vector>

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

namespace tsur::net {

using boost::asio::ip::tcp;

/// The accept loop; kept alive by its pending async_accept so a destroyed HttpServer never
/// leaves a handler pointing at freed memory. io thread only.
class HttpServer::Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(boost::asio::io_context& io, std::shared_ptr<const HttpHandler> handler,
             HttpLimits limits)
        : io_(io), acceptor_(io), retry_(io), handler_(std::move(handler)), limits_(limits) {}

    boost::system::error_code open(const tcp::endpoint& endpoint) {
        boost::system::error_code ec;
        acceptor_.open(endpoint.protocol(), ec);
        if (!ec) acceptor_.set_option(boost::asio::socket_base::reuse_address(true), ec);
        if (!ec) acceptor_.bind(endpoint, ec);
        if (!ec) acceptor_.listen(boost::asio::socket_base::max_listen_connections, ec);
        return ec;
    }

    std::uint16_t port() const {
        boost::system::error_code ec;
        const auto ep = acceptor_.local_endpoint(ec);
        return ec ? 0 : ep.port();
    }

    void accept() {
        acceptor_.async_accept(
            io_, [self = shared_from_this()](boost::system::error_code ec, tcp::socket socket) {
                self->on_accept(ec, std::move(socket));
            });
    }

    std::uint64_t failures() const { return failures_.load(std::memory_order_relaxed); }

    void stop() {
        if (stopped_) return;
        stopped_ = true;
        boost::system::error_code ec;
        acceptor_.close(ec);
        retry_.cancel();
        for (auto& weak : sessions_) {
            if (auto session = weak.lock()) session->stop();
        }
        sessions_.clear();
    }

private:
    void on_accept(boost::system::error_code ec, tcp::socket socket) {
        if (stopped_) return;
        if (ec) {
            if (ec == boost::asio::error::operation_aborted) return;
            failures_.fetch_add(1, std::memory_order_relaxed);
            // EMFILE, ENFILE, ENOBUFS: the pending connection stays in the backlog, so accepting
            // again at once would spin. Wait, longer each time, until descriptors come back.
            retry_delay_ = std::clamp(retry_delay_ * 2, kFirstRetry, kMaxRetry);
            retry_.expires_after(retry_delay_);
            retry_.async_wait([self = shared_from_this()](boost::system::error_code wait_ec) {
                if (!wait_ec && !self->stopped_) self->accept();
            });
            return;
        }
        retry_delay_ = {};
        std::erase_if(sessions_, [](const auto& weak) { return weak.expired(); });
        if (sessions_.size() >= limits_.max_connections && !make_room()) {
            // Every connection is being answered: the newcomer goes, not a response in flight.
            boost::system::error_code ignored;
            socket.close(ignored);
        } else {
            auto session = std::make_shared<HttpSession>(std::move(socket), handler_, limits_);
            sessions_.push_back(session);
            session->start();
        }
        accept();
    }

    /// Closes the oldest connection that is only waiting for a request; false when none is.
    /// Idle clients thus cannot keep a new one out (issue 20: 1,100 idle connections).
    bool make_room() {
        for (auto& weak : sessions_) {
            auto session = weak.lock();
            if (session && session->idle()) {
                session->stop();
                weak.reset();
                std::erase_if(sessions_, [](const auto& w) { return w.expired(); });
                return true;
            }
        }
        return false;
    }

    static constexpr std::chrono::milliseconds kFirstRetry{10};
    static constexpr std::chrono::milliseconds kMaxRetry{1000};

    boost::asio::io_context& io_;
    tcp::acceptor acceptor_;
    boost::asio::steady_timer retry_;
    std::chrono::milliseconds retry_delay_{};
    std::atomic<std::uint64_t> failures_{0};
    std::shared_ptr<const HttpHandler> handler_;
    HttpLimits limits_;
    std::vector<std::weak_ptr<HttpSession>> sessions_;
    bool stopped_ = false;
};

HttpServer::HttpServer(boost::asio::io_context& io, HttpHandler handler, HttpLimits limits)
    : io_(io), handler_(std::make_shared<const HttpHandler>(std::move(handler))), limits_(limits) {}

HttpServer::~HttpServer() { stop(); }

model::Result<std::uint16_t> HttpServer::listen(std::string_view address, std::uint16_t port) {
    if (listener_)
        return model::Error{"http server: already listening on port " + std::to_string(port_)};
    boost::system::error_code ec;
    const auto ip = boost::asio::ip::make_address(std::string{address}, ec);
    if (ec) {
        return model::Error{"http server: bad listen address '" + std::string{address} +
                            "': expected an IPv4 or IPv6 literal such as 127.0.0.1"};
    }
    auto listener = std::make_shared<Listener>(io_, handler_, limits_);
    if (const auto open_ec = listener->open(tcp::endpoint{ip, port})) {
        return model::Error{"http server: cannot listen on " + std::string{address} + ":" +
                            std::to_string(port) + ": " + open_ec.message()};
    }
    listener_ = std::move(listener);
    port_ = listener_->port();
    listener_->accept();
    return port_;
}

std::uint64_t HttpServer::accept_failures() const { return listener_ ? listener_->failures() : 0; }

void HttpServer::stop() {
    if (listener_) listener_->stop();
}

}  // namespace tsur::net
