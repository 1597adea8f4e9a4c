// A loopback HTTP/1.1 server for tests (Beast, port 0): answers each request with what a script
// returns, records what the client sent, and can stay silent to provoke timeouts.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tsur::test {

/// The parts of a request that tests check.
struct SeenRequest {
    std::string target;
    std::string if_none_match;
    std::string authorization;
    std::string accept_encoding;
    std::string user_agent;
    std::chrono::steady_clock::time_point at;
};

/// What to answer; `hang` keeps the connection open and never answers.
struct ScriptedReply {
    unsigned status = 200;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    bool chunked = false;
    bool hang = false;
};

/// Runs on the test's io_context; call and destroy it on the thread that runs that context.
class ScriptedHttpServer {
public:
    /// `script(request, index)` is called for the index-th request (0-based).
    using Script = std::function<ScriptedReply(const SeenRequest&, std::size_t)>;

    ScriptedHttpServer(boost::asio::io_context& io, Script script)
        : acceptor_(io, {boost::asio::ip::make_address("127.0.0.1"), 0}),
          script_(std::move(script)) {
        accept();
    }

    unsigned short port() const { return acceptor_.local_endpoint().port(); }
    std::string url(std::string_view target = "/v1/snapshot?region=RU-UD") const {
        return "http://127.0.0.1:" + std::to_string(port()) + std::string(target);
    }
    const std::vector<SeenRequest>& requests() const { return requests_; }

private:
    struct Session {
        explicit Session(boost::asio::ip::tcp::socket s) : socket(std::move(s)) {}
        boost::asio::ip::tcp::socket socket;
        boost::beast::flat_buffer buffer;
        boost::beast::http::request<boost::beast::http::string_body> request;
        boost::beast::http::response<boost::beast::http::string_body> response;
    };

    void accept() {
        acceptor_.async_accept(
            [this](boost::system::error_code ec, boost::asio::ip::tcp::socket socket) {
                if (ec) return;
                read(std::make_shared<Session>(std::move(socket)));
                accept();
            });
    }

    void read(std::shared_ptr<Session> s) {
        s->request = {};
        boost::beast::http::async_read(s->socket, s->buffer, s->request,
                                       [this, s](boost::system::error_code ec, std::size_t) {
                                           if (ec) return;
                                           respond(s);
                                       });
    }

    void respond(const std::shared_ptr<Session>& s) {
        namespace http = boost::beast::http;
        SeenRequest seen;
        seen.target = std::string(s->request.target());
        seen.if_none_match = std::string(s->request[http::field::if_none_match]);
        seen.authorization = std::string(s->request[http::field::authorization]);
        seen.accept_encoding = std::string(s->request[http::field::accept_encoding]);
        seen.user_agent = std::string(s->request[http::field::user_agent]);
        seen.at = std::chrono::steady_clock::now();
        requests_.push_back(seen);
        const ScriptedReply reply = script_(seen, requests_.size() - 1);
        if (reply.hang) {
            silent_.push_back(s);
            return;
        }
        s->response = {};
        s->response.version(11);
        s->response.result(reply.status);
        for (const auto& [name, value] : reply.headers) s->response.set(name, value);
        s->response.body() = reply.body;
        if (reply.chunked) {
            s->response.chunked(true);
        } else {
            s->response.prepare_payload();
        }
        s->response.keep_alive(s->request.keep_alive());
        http::async_write(s->socket, s->response,
                          [this, s](boost::system::error_code ec, std::size_t) {
                              if (ec || !s->response.keep_alive()) return;
                              read(s);
                          });
    }

    boost::asio::ip::tcp::acceptor acceptor_;
    Script script_;
    std::vector<SeenRequest> requests_;
    std::vector<std::shared_ptr<Session>> silent_;  // kept open, never answered
};

}  // namespace tsur::test
