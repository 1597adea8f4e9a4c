// The embedded HTTP/1.1 server (Boost.Beast): accepts connections and hands each to an HttpSession.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include <boost/asio/io_context.hpp>

#include "model/result.hpp"
#include "server/http_handler.hpp"
#include "server/http_session.hpp"

namespace tsur::net {

/// Listens on one address:port and serves `handler` on the caller's io_context. listen() and
/// stop() run on the io thread, or on any thread while that io_context is not running.
class HttpServer {
public:
    HttpServer(boost::asio::io_context& io, HttpHandler handler, HttpLimits limits = {});
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    /// Binds and starts accepting; port 0 picks a free port. Returns the bound port.
    model::Result<std::uint16_t> listen(std::string_view address, std::uint16_t port);
    /// The bound port (0 before listen() succeeded).
    std::uint16_t port() const { return port_; }
    /// Closes the acceptor and every open connection; idempotent.
    void stop();
    /// Failed accepts so far (EMFILE and the like); each one pauses accepting. Any thread.
    std::uint64_t accept_failures() const;

private:
    class Listener;
    boost::asio::io_context& io_;
    std::shared_ptr<const HttpHandler> handler_;
    HttpLimits limits_;
    std::shared_ptr<Listener> listener_;
    std::uint16_t port_ = 0;
};

}  // namespace tsur::net
