// A loopback feed v1 server for fault-injection tests (Beast, port 0): serves a valid, ever newer
// document when healthy and misbehaves on command (refused, reset, 5xx, slow, huge, bad JSON...).
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/time.hpp"
#include "support/fault_feed_document.hpp"

namespace tsur::test {

/// What the server does with the next request.
enum class Fault : std::uint8_t {
    none,            ///< healthy: 200 with a valid document, as_of one minute newer each time
    refused,         ///< the listening socket is closed: connection refused
    reset_mid_body,  ///< half the body, then a TCP reset
    http_500,
    http_503_retry_after,  ///< 503 with "Retry-After: 1"
    endless_304,           ///< 304 Not Modified whatever the request says
    slow_body,             ///< a correct Content-Length, then one byte per slow_interval
    truncated_json,        ///< a well-framed body that stops mid-document
    html,                  ///< an HTML error page with 200 and text/html
    invalid_utf8_title,    ///< a valid document except for bytes FF FE inside one title
    huge_body,             ///< Content-Length of 200 MB, streamed lazily until the client hangs up
    huge_chunked,          ///< 200 MB chunked with no length, streamed lazily
    wrong_schema,          ///< "schema": "tsur.feed.v2"
    bad_coordinates,       ///< extra records with lat 91 and lon -181
    number_overflow,       ///< a record with lon 1e999 (not representable as a double)
    duplicate_ids,         ///< an extra record reusing a good record's id
    extreme_dates,         ///< extra records created in 1970 and in 2099
    as_of_backwards,       ///< a valid document one day older than the newest one served
    as_of_2099,            ///< a valid document with as_of 2099-01-01 (a server clock gone wrong)
    date_2099,             ///< a healthy document, but the Date header says 2099
    retry_after_huge,      ///< 503 with "Retry-After: 9223372036854775807"
    all_rejected,          ///< a document whose every record has status "Open" (unknown_status)
};

/// Runs on the test's io_context; call and destroy it on the thread that runs that context.
class FaultFeedServer {
public:
    static constexpr std::uint64_t kHugeBytes = 200ull << 20;
    /// How much newer each document served whole is than the one before.
    static constexpr std::chrono::minutes kStep{1};
    static inline const model::TimePoint kYear2099 =
        model::TimePoint{std::chrono::sys_days{std::chrono::year{2099} / 1 / 1}};

    FaultFeedServer(boost::asio::io_context& io, model::TimePoint first_as_of)
        : acceptor_(io), next_as_of_(first_as_of) {
        open({boost::asio::ip::make_address("127.0.0.1"), 0});
    }
    ~FaultFeedServer() {
        boost::system::error_code ec;
        acceptor_.close(ec);
        for (const auto& weak : sessions_) {
            if (auto s = weak.lock()) s->socket.close(ec);
        }
    }
    FaultFeedServer(const FaultFeedServer&) = delete;
    FaultFeedServer& operator=(const FaultFeedServer&) = delete;

    /// Switches behaviour for the following requests; `refused` closes the port, leaving it
    /// reopens the same port.
    void set_fault(Fault fault) {
        if (fault == Fault::refused && acceptor_.is_open()) {
            boost::system::error_code ec;
            acceptor_.close(ec);
        } else if (fault != Fault::refused && !acceptor_.is_open()) {
            open(endpoint_);
        }
        fault_ = fault;
    }
    Fault fault() const { return fault_; }

    void set_slow_interval(std::chrono::milliseconds interval) { slow_interval_ = interval; }

    unsigned short port() const { return endpoint_.port(); }
    std::string url() const {
        return "http://127.0.0.1:" + std::to_string(port()) + "/v1/snapshot?region=RU-UD";
    }
    /// as_of of the newest document served whole (healthy or with bad records).
    model::TimePoint newest_as_of() const { return newest_as_of_; }
    std::size_t requests() const { return requests_; }
    /// Body bytes written for huge_body / huge_chunked (all requests together).
    std::uint64_t huge_bytes_sent() const { return huge_bytes_sent_; }

private:
    struct Session {
        explicit Session(boost::asio::ip::tcp::socket s)
            : socket(std::move(s)), timer(socket.get_executor()) {}
        boost::asio::ip::tcp::socket socket;
        boost::asio::steady_timer timer;
        boost::beast::flat_buffer buffer;
        boost::beast::http::request<boost::beast::http::string_body> request;
        std::string out;
        std::string body;
        std::size_t sent = 0;
        std::uint64_t streamed = 0;
    };
    using SessionPtr = std::shared_ptr<Session>;

    void open(const boost::asio::ip::tcp::endpoint& at) {
        acceptor_.open(at.protocol());
        acceptor_.set_option(boost::asio::socket_base::reuse_address(true));
        acceptor_.bind(at);
        acceptor_.listen();
        endpoint_ = acceptor_.local_endpoint();
        accept();
    }

    void accept() {
        acceptor_.async_accept(
            [this](boost::system::error_code ec, boost::asio::ip::tcp::socket socket) {
                if (ec) return;
                auto s = std::make_shared<Session>(std::move(socket));
                sessions_.push_back(s);
                read(s);
                accept();
            });
    }

    void read(const SessionPtr& s) {
        boost::beast::http::async_read(s->socket, s->buffer, s->request,
                                       [this, s](boost::system::error_code ec, std::size_t) {
                                           if (!ec) respond(s);
                                       });
    }

    static std::string head(unsigned status, std::string_view reason, std::string_view type,
                            std::string_view length_header) {
        std::string h = "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason) + "\r\n";
        if (!type.empty()) h += "Content-Type: " + std::string(type) + "\r\n";
        h += std::string(length_header) + "Connection: close\r\n\r\n";
        return h;
    }
    static std::string length(std::size_t n) {
        return "Content-Length: " + std::to_string(n) + "\r\n";
    }

    std::string next_document(std::string_view extra = {},
                              std::string_view schema = "tsur.feed.v1") {
        next_as_of_ += kStep;
        if (schema == "tsur.feed.v1") newest_as_of_ = next_as_of_;
        return fault_feed_document(next_as_of_, extra, schema);
    }

    void respond(const SessionPtr& s) {
        ++requests_;
        constexpr std::string_view json = "application/json; charset=utf-8";
        switch (fault_) {
            case Fault::none:
            case Fault::refused: {
                const std::string body = next_document();
                send_and_close(s, head(200, "OK", json, length(body.size())) + body);
                return;
            }
            case Fault::reset_mid_body: {
                const std::string body = next_document();
                s->out =
                    head(200, "OK", json, length(body.size())) + body.substr(0, body.size() / 2);
                write_then(s, [this, s] { reset(s); });
                return;
            }
            case Fault::http_500:
                send_and_close(
                    s, head(500, "Internal Server Error", "text/plain", length(5)) + "oops\n");
                return;
            case Fault::http_503_retry_after:
                send_and_close(s, head(503, "Service Unavailable", "text/plain",
                                       "Retry-After: 1\r\n" + length(5)) +
                                      "busy\n");
                return;
            case Fault::endless_304:
                send_and_close(s, head(304, "Not Modified", {}, "ETag: \"same\"\r\n"));
                return;
            case Fault::slow_body: {
                s->body = fault_feed_document(next_as_of_ + std::chrono::hours(1));
                s->out = head(200, "OK", json, length(s->body.size()));
                write_then(s, [this, s] { drip(s); });
                return;
            }
            case Fault::truncated_json: {
                const std::string body = fault_feed_document(next_as_of_ + std::chrono::hours(1));
                const std::string cut = body.substr(0, body.size() * 2 / 3);
                send_and_close(s, head(200, "OK", json, length(cut.size())) + cut);
                return;
            }
            case Fault::html: {
                const std::string page =
                    "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
                    "<body><h1>502 Bad Gateway</h1><hr>nginx</body></html>\n";
                send_and_close(s, head(200, "OK", "text/html", length(page.size())) + page);
                return;
            }
            case Fault::invalid_utf8_title: {
                std::string body = fault_feed_document(next_as_of_ + std::chrono::hours(1));
                const auto at = body.find("Нет отопления");
                body.insert(at, "\xFF\xFE");
                send_and_close(s, head(200, "OK", json, length(body.size())) + body);
                return;
            }
            case Fault::huge_body:
                s->out = head(200, "OK", json, length(kHugeBytes)) +
                         "{\"schema\": \"tsur.feed.v1\", \"x\": \"";
                write_then(s, [this, s] { stream(s, false); });
                return;
            case Fault::huge_chunked:
                s->out = head(200, "OK", json, "Transfer-Encoding: chunked\r\n");
                write_then(s, [this, s] { stream(s, true); });
                return;
            case Fault::wrong_schema: {
                const std::string body =
                    fault_feed_document(next_as_of_ + std::chrono::hours(1), {}, "tsur.feed.v2");
                send_and_close(s, head(200, "OK", json, length(body.size())) + body);
                return;
            }
            case Fault::bad_coordinates:
                send_document(s, next_document(bad_coordinate_records(next_as_of_ + kStep)));
                return;
            case Fault::number_overflow: {
                const auto as_of = next_as_of_ + std::chrono::hours(1);
                const std::string body = fault_feed_document(
                    as_of,
                    fault_record("UD-INF", "\"lat\": 56.8, \"lon\": 1e999, \"created_at\": \"" +
                                               model::format_rfc3339(as_of) + "\""));
                send_document(s, body);
                return;
            }
            case Fault::duplicate_ids:
                send_document(s, next_document(duplicate_records(next_as_of_ + kStep)));
                return;
            case Fault::extreme_dates:
                send_document(s, next_document(extreme_date_records()));
                return;
            case Fault::as_of_2099:
                send_document(s, fault_feed_document(kYear2099));
                return;
            case Fault::date_2099: {
                const std::string body = next_document();
                send_and_close(
                    s, head(200, "OK", json,
                            "Date: Thu, 01 Jan 2099 00:00:00 GMT\r\n" + length(body.size())) +
                           body);
                return;
            }
            case Fault::retry_after_huge:
                send_and_close(s, head(503, "Service Unavailable", "text/plain",
                                       "Retry-After: 9223372036854775807\r\n" + length(5)) +
                                      "busy\n");
                return;
            case Fault::all_rejected:
                send_document(s, all_rejected_document(next_as_of_ + std::chrono::hours(1)));
                return;
            case Fault::as_of_backwards: {
                const std::string body =
                    fault_feed_document(newest_as_of_ - std::chrono::hours(24));
                send_document(s, body);
                return;
            }
        }
    }

    void send_document(const SessionPtr& s, const std::string& body) {
        send_and_close(s, head(200, "OK", "application/json", length(body.size())) + body);
    }

    template <class Then>
    void write_then(const SessionPtr& s, Then then) {
        boost::asio::async_write(s->socket, boost::asio::buffer(s->out),
                                 [s, then](boost::system::error_code ec, std::size_t) {
                                     if (!ec) then();
                                 });
    }

    void send_and_close(const SessionPtr& s, std::string response) {
        s->out = std::move(response);
        write_then(s, [s] {
            boost::system::error_code ec;
            s->socket.shutdown(boost::asio::ip::tcp::socket::shutdown_send, ec);
            s->socket.close(ec);
        });
    }

    static void reset(const SessionPtr& s) {
        boost::system::error_code ec;
        // Linger 0 makes close() send RST instead of FIN: the peer sees a reset mid-body.
        s->socket.set_option(boost::asio::socket_base::linger(true, 0), ec);
        s->socket.close(ec);
    }

    void drip(const SessionPtr& s) {
        if (s->sent >= s->body.size()) return;
        s->timer.expires_after(slow_interval_);
        s->timer.async_wait([this, s](boost::system::error_code ec) {
            if (ec) return;
            s->out.assign(1, s->body[s->sent++]);
            write_then(s, [this, s] { drip(s); });
        });
    }

    void stream(const SessionPtr& s, bool chunked) {
        constexpr std::size_t kPiece = 64 * 1024;
        if (s->streamed >= kHugeBytes) return;
        const std::string filler(kPiece, 'a');
        s->out = chunked ? "10000\r\n" + filler + "\r\n" : filler;
        s->streamed += kPiece;
        huge_bytes_sent_ += kPiece;
        write_then(s, [this, s, chunked] { stream(s, chunked); });
    }

    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::ip::tcp::endpoint endpoint_;
    Fault fault_ = Fault::none;
    model::TimePoint next_as_of_;
    model::TimePoint newest_as_of_{};
    std::chrono::milliseconds slow_interval_{1000};
    std::size_t requests_ = 0;
    std::uint64_t huge_bytes_sent_ = 0;
    std::vector<std::weak_ptr<Session>> sessions_;
};

}  // namespace tsur::test
