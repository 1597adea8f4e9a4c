// One HTTP/1.1 connection of the embedded server: read with limits and timeouts, answer, keep alive.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "server/http_handler.hpp"

namespace tsur::net {

/// Per-connection limits; requests past them are refused (431/413) and the connection closes.
struct HttpLimits {
    std::size_t header_limit = 8 * 1024;
    std::uint64_t body_limit = 64 * 1024;
    std::chrono::seconds read_timeout{10};  ///< also the keep-alive idle timeout
    std::chrono::seconds write_timeout{10};
    /// Open connections per server: past it the oldest one waiting for a request is closed to
    /// make room (or the new one, when every connection is being answered). Bounds descriptors.
    std::size_t max_connections = 64;
};

/// One accepted connection. Owned by its pending async operations; io thread only.
class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    HttpSession(boost::asio::ip::tcp::socket socket, std::shared_ptr<const HttpHandler> handler,
                HttpLimits limits);

    /// Starts reading the first request.
    void start();
    /// Closes the connection; pending operations finish with operation_aborted.
    void stop();
    /// True while waiting for (part of) a request: the connection may be closed to make room.
    bool idle() const { return reading_ && !stopped_; }

private:
    using Request = boost::beast::http::request<boost::beast::http::string_body>;
    using Response = boost::beast::http::response<boost::beast::http::string_body>;

    void read_request();
    void on_read(boost::beast::error_code ec);
    void answer(const Request& req);
    void refuse(unsigned status, const char* reason);
    void write_response(bool close_after);
    void on_write(boost::beast::error_code ec, bool close_after);
    void drain_and_close();
    void drain();

    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
    Response response_;
    std::shared_ptr<const HttpHandler> handler_;
    HttpLimits limits_;
    bool stopped_ = false;
    bool reading_ = false;
};

}  // namespace tsur::net
