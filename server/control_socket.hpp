// The local control socket: "freeze [screen-id]", "unfreeze", "status", one line each, over a
// Unix stream socket whose file mode decides who may control the wall (no network control).
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include <boost/asio/io_context.hpp>

#include "model/result.hpp"

namespace tsur::net {

/// What the control commands do; called on the io thread. Each returns one JSON object as text
/// (no newline), e.g. {"ok":true,"frozen":true,…}.
class ControlHandler {
public:
    virtual ~ControlHandler() = default;
    virtual std::string on_freeze(std::string_view screen_id) = 0;
    virtual std::string on_unfreeze() = 0;
    virtual std::string on_status() = 0;
};

struct ControlSocketOptions {
    std::string path = "/run/tsur-wall/control.sock";
    unsigned mode = 0660;                     ///< file mode of the socket: who may connect
    std::size_t max_request = 256;            ///< bytes including the newline
    std::chrono::milliseconds timeout{3000};  ///< a client must send its line within this
};

/// Parsed request line; `unknown` carries nothing.
struct ControlRequest {
    enum class Verb : std::uint8_t { freeze, unfreeze, status, unknown };
    Verb verb = Verb::unknown;
    std::string screen_id;
};

/// Pure: "freeze main\n" -> {freeze, "main"}; surrounding blanks and a trailing CR are ignored.
ControlRequest parse_control_request(std::string_view line);

/// Dispatches one request line to `handler` and returns the reply line (without newline).
std::string answer_control_request(std::string_view line, ControlHandler& handler);

struct ControlCore;

/// Serves one request per connection on the caller's io_context. start() and stop() run on the
/// io thread, or on any thread while that io_context is not running.
class ControlSocketServer {
public:
    ControlSocketServer(boost::asio::io_context& io, ControlHandler& handler,
                        ControlSocketOptions options);
    ~ControlSocketServer();
    ControlSocketServer(const ControlSocketServer&) = delete;
    ControlSocketServer& operator=(const ControlSocketServer&) = delete;

    /// Replaces a stale socket file, binds, sets the mode, listens. Error names the path.
    model::Result<bool> start();
    /// Closes the listener and open connections and removes the socket file; idempotent.
    void stop();
    const std::string& path() const { return options_.path; }

private:
    boost::asio::io_context& io_;
    ControlSocketOptions options_;
    std::shared_ptr<ControlCore> core_;
};

}  // namespace tsur::net
