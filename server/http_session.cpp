// One connection of the embedded HTTP server, modelled on Beast's async HTTP server example.
#include "server/http_session.hpp"

#include <array>
#include <exception>

#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

namespace tsur::net {

namespace beast = boost::beast;
namespace http = boost::beast::http;

HttpSession::HttpSession(boost::asio::ip::tcp::socket socket,
                         std::shared_ptr<const HttpHandler> handler, HttpLimits limits)
    : stream_(std::move(socket)), handler_(std::move(handler)), limits_(limits) {}

void HttpSession::start() { read_request(); }

void HttpSession::stop() {
    if (stopped_) return;
    stopped_ = true;
    beast::error_code ec;
    stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ec);
    stream_.close();
}

void HttpSession::read_request() {
    if (stopped_) return;
    // A fresh parser per request: Beast's limits apply to one message, not to the connection.
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(limits_.header_limit));
    parser_->body_limit(limits_.body_limit);
    stream_.expires_after(limits_.read_timeout);
    reading_ = true;
    http::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
}

void HttpSession::on_read(beast::error_code ec) {
    reading_ = false;
    if (stopped_) return;
    if (ec == http::error::header_limit) return refuse(431, "request header too large\n");
    if (ec == http::error::body_limit) return refuse(413, "request body too large\n");
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == boost::asio::error::connection_reset || ec == boost::asio::error::operation_aborted) {
        return stop();
    }
    if (ec) return refuse(400, "malformed request\n");
    answer(parser_->get());
}

void HttpSession::answer(const Request& req) {
    const bool head = req.method() == http::verb::head;
    const bool close_after = !req.keep_alive();
    HttpResponse out;
    if (req.method() != http::verb::get && !head) {
        out = text_response(405, "only GET and HEAD are served\n");
        out.headers.emplace_back("Allow", "GET, HEAD");
    } else {
        HttpRequestView view;
        view.method = head ? std::string_view{"HEAD"} : std::string_view{"GET"};
        view.target = std::string_view{req.target().data(), req.target().size()};
        for (const auto& field : req) {
            view.headers.emplace_back(
                std::string_view{field.name_string().data(), field.name_string().size()},
                std::string_view{field.value().data(), field.value().size()});
        }
        try {
            out = (*handler_)(view);
        } catch (const std::exception&) {
            // A handler bug must cost one request, not the io thread.
            out = text_response(500, "internal error\n");
        }
    }

    response_ = Response{};
    response_.version(11);
    response_.result(out.status);
    response_.set(http::field::server, "tsur-wall");
    if (!out.content_type.empty()) response_.set(http::field::content_type, out.content_type);
    bool has_date = false;
    for (auto& [name, value] : out.headers) {
        has_date = has_date || iequals_ascii(name, "Date");
        response_.set(name, value);
    }
    if (!has_date) {
        response_.set(
            http::field::date,
            http_date(std::chrono::floor<model::Seconds>(std::chrono::system_clock::now())));
    }
    const bool bodiless_status = out.status == 304 || out.status == 204 || out.status < 200;
    if (!bodiless_status) response_.content_length(out.body.size());
    // HEAD gets the GET's Content-Length but no payload (RFC 9110 9.3.2).
    if (!head && !bodiless_status) response_.body() = std::move(out.body);
    response_.keep_alive(!close_after);
    write_response(close_after);
}

void HttpSession::refuse(unsigned status, const char* reason) {
    response_ = Response{};
    response_.version(11);
    response_.result(status);
    response_.set(http::field::server, "tsur-wall");
    response_.set(http::field::content_type, "text/plain; charset=utf-8");
    response_.set(http::field::date,
                  http_date(std::chrono::floor<model::Seconds>(std::chrono::system_clock::now())));
    response_.body() = reason;
    response_.content_length(response_.body().size());
    response_.keep_alive(false);
    write_response(true);
}

void HttpSession::write_response(bool close_after) {
    stream_.expires_after(limits_.write_timeout);
    http::async_write(stream_, response_,
                      [self = shared_from_this(), close_after](beast::error_code ec, std::size_t) {
                          self->on_write(ec, close_after);
                      });
}

void HttpSession::on_write(beast::error_code ec, bool close_after) {
    if (stopped_) return;
    if (ec) return stop();
    if (close_after) return drain_and_close();
    read_request();
}

void HttpSession::drain_and_close() {
    // Closing with unread request bytes makes the kernel send RST, which can destroy the
    // response in flight; half-close and swallow what the client still sends first.
    beast::error_code ec;
    stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ec);
    if (ec) return stop();
    stream_.expires_after(std::chrono::seconds{2});
    drain();
}

void HttpSession::drain() {
    auto scratch = std::make_shared<std::array<char, 4096>>();
    stream_.async_read_some(boost::asio::buffer(*scratch), [self = shared_from_this(), scratch](
                                                               beast::error_code ec, std::size_t) {
        if (ec || self->stopped_) return self->stop();
        self->drain();
    });
}

}  // namespace tsur::net
