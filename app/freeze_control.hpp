// The control socket's commands applied to the wall: freeze on the snapshot on screen, unfreeze,
// report the state as one line of JSON.
#pragma once

#include "app/freeze_state.hpp"
#include "model/server_clock.hpp"
#include "server/control_socket.hpp"
#include "state/snapshot_store.hpp"

namespace tsur::app {

/// Bridges net::ControlSocketServer to FreezeState; io thread (any thread in tests).
class FreezeController : public net::ControlHandler {
public:
    FreezeController(FreezeState& state, const net::SnapshotStore& store,
                     const model::ServerClock& clock)
        : state_(state), store_(store), clock_(clock) {}

    std::string on_freeze(std::string_view screen_id) override;
    std::string on_unfreeze() override;
    std::string on_status() override;

private:
    FreezeState& state_;
    const net::SnapshotStore& store_;
    const model::ServerClock& clock_;
};

}  // namespace tsur::app
