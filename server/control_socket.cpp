// One request per connection keeps the protocol trivially scriptable (`echo status | socat`) and
// leaves no idle connections to manage; the timeout and size limit stop a stuck or hostile local
// client from holding the io thread's resources.
#include "server/control_socket.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <istream>
#include <vector>

#include "model/ascii_text.hpp"
#include "sys/private_files.hpp"

namespace tsur::net {

namespace asio = boost::asio;
using Protocol = asio::local::stream_protocol;

namespace {

std::string error_reply(std::string_view message) {
    return std::string(R"({"ok":false,"error":")") + std::string(message) + "\"}";
}

}  // namespace

ControlRequest parse_control_request(std::string_view line) {
    line = model::trim_ascii(line);
    const auto space = line.find_first_of(" \t");
    const std::string_view verb = line.substr(0, space);
    const std::string_view rest =
        space == std::string_view::npos ? "" : model::trim_ascii(line.substr(space));
    ControlRequest req;
    if (verb == "freeze") {
        // Screen ids are layout identifiers; anything else is refused rather than echoed.
        for (char c : rest) {
            const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
            if (!ok) return req;
        }
        req.verb = ControlRequest::Verb::freeze;
        req.screen_id = std::string(rest);
    } else if (verb == "unfreeze" && rest.empty()) {
        req.verb = ControlRequest::Verb::unfreeze;
    } else if (verb == "status" && rest.empty()) {
        req.verb = ControlRequest::Verb::status;
    }
    return req;
}

std::string answer_control_request(std::string_view line, ControlHandler& handler) {
    const ControlRequest req = parse_control_request(line);
    switch (req.verb) {
        case ControlRequest::Verb::freeze:
            return handler.on_freeze(req.screen_id);
        case ControlRequest::Verb::unfreeze:
            return handler.on_unfreeze();
        case ControlRequest::Verb::status:
            return handler.on_status();
        case ControlRequest::Verb::unknown:
            break;
    }
    return error_reply("unknown command: expected freeze [screen-id], unfreeze or status");
}

/// State shared by the listener and its sessions; io thread only.
struct ControlCore {
    ControlCore(asio::io_context& io, ControlHandler& h, const ControlSocketOptions& o)
        : acceptor(io), handler(&h), options(o) {}
    Protocol::acceptor acceptor;
    ControlHandler* handler;  // null after stop(): late completions must not call it
    ControlSocketOptions options;
    std::vector<std::weak_ptr<Protocol::socket>> open;
};

namespace {

/// One connection: read a line (bounded in size and time), answer, close.
class Session : public std::enable_shared_from_this<Session> {
public:
    Session(std::shared_ptr<ControlCore> core, Protocol::socket socket)
        : core_(std::move(core)),
          socket_(std::make_shared<Protocol::socket>(std::move(socket))),
          timer_(socket_->get_executor()),
          buffer_(core_->options.max_request) {}

    std::weak_ptr<Protocol::socket> socket() const { return socket_; }

    void start() {
        timer_.expires_after(core_->options.timeout);
        timer_.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
            if (!ec) self->socket_->close();
        });
        asio::async_read_until(
            *socket_, buffer_, '\n',
            [self = shared_from_this()](const boost::system::error_code& ec, std::size_t n) {
                self->on_line(ec, n);
            });
    }

private:
    void on_line(const boost::system::error_code& ec, std::size_t n) {
        if (ec == asio::error::not_found) {
            reply(error_reply("request too long"));
            return;
        }
        if (ec || !core_->handler) {
            timer_.cancel();
            return;
        }
        std::string line(asio::buffers_begin(buffer_.data()),
                         asio::buffers_begin(buffer_.data()) + static_cast<std::ptrdiff_t>(n));
        reply(answer_control_request(line, *core_->handler));
    }

    void reply(std::string text) {
        out_ = std::move(text) + "\n";
        asio::async_write(
            *socket_, asio::buffer(out_),
            [self = shared_from_this()](const boost::system::error_code&, std::size_t) {
                self->timer_.cancel();
                boost::system::error_code ignored;
                self->socket_->shutdown(Protocol::socket::shutdown_both, ignored);
                self->socket_->close(ignored);
            });
    }

    std::shared_ptr<ControlCore> core_;
    std::shared_ptr<Protocol::socket> socket_;
    asio::steady_timer timer_;
    asio::streambuf buffer_;
    std::string out_;
};

void accept_next(const std::shared_ptr<ControlCore>& core) {
    core->acceptor.async_accept([core](const boost::system::error_code& ec, Protocol::socket s) {
        if (ec == asio::error::operation_aborted || !core->acceptor.is_open()) return;
        if (!ec) {
            auto session = std::make_shared<Session>(core, std::move(s));
            std::erase_if(core->open, [](const auto& w) { return w.expired(); });
            core->open.push_back(session->socket());
            session->start();
        }
        accept_next(core);
    });
}

}  // namespace

ControlSocketServer::ControlSocketServer(asio::io_context& io, ControlHandler& handler,
                                         ControlSocketOptions options)
    : io_(io),
      options_(std::move(options)),
      core_(std::make_shared<ControlCore>(io_, handler, options_)) {}

ControlSocketServer::~ControlSocketServer() { stop(); }

model::Result<bool> ControlSocketServer::start() {
    const std::string& path = options_.path;
    const auto fail = [&](const std::string& what) {
        return model::Error{"control socket " + path + ": " + what};
    };
    // Only a directory no one else can write keeps another user from binding the path first
    // and answering `ctl` in the wall's name (issue 20).
    const auto dir = std::filesystem::path(path).parent_path();
    if (auto problem = private_dir_problem(dir.empty() ? std::filesystem::path(".") : dir);
        !problem.empty()) {
        return fail("unsafe directory: " + problem);
    }
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) {
        // Only a leftover socket from a previous run is ours to replace; never delete a file.
        if (!S_ISSOCK(st.st_mode)) return fail("exists and is not a socket");
        ::unlink(path.c_str());
    }
    boost::system::error_code ec;
    Protocol::acceptor& a = core_->acceptor;
    a.open(Protocol(), ec);
    if (!ec) a.bind(Protocol::endpoint(path), ec);
    if (ec) return fail(ec.message());
    // The mode is set before listen(): until then a connect() is refused, so no client can slip
    // in while the file still has the umask's permissions.
    if (::chmod(path.c_str(), static_cast<mode_t>(options_.mode)) != 0) {
        const int err = errno;
        a.close(ec);
        return fail(std::string("chmod: ") + std::strerror(err));
    }
    a.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) return fail(ec.message());
    accept_next(core_);
    return true;
}

void ControlSocketServer::stop() {
    if (!core_->handler) return;
    core_->handler = nullptr;
    boost::system::error_code ec;
    const bool was_open = core_->acceptor.is_open();
    core_->acceptor.close(ec);
    for (auto& w : core_->open) {
        if (auto s = w.lock()) s->close(ec);
    }
    core_->open.clear();
    if (was_open) ::unlink(options_.path.c_str());
}

}  // namespace tsur::net
