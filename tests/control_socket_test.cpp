// The control socket end to end: `ctl freeze|unfreeze|status` against a real socket in a temp
// directory, the freeze surviving fresh data, and file permissions refusing another user.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/ctl_command.hpp"
#include "app/freeze_control.hpp"
#include "app/io_thread.hpp"
#include "server/control_socket.hpp"
#include "sys/unique_fd.hpp"
#include "support/time_literal.hpp"

namespace tsur::app {
namespace {

namespace fs = std::filesystem;

model::SnapshotPtr snapshot_at(const char* as_of) {
    auto s = std::make_shared<model::Snapshot>();
    s->as_of = test::at(as_of);
    s->version = static_cast<std::uint64_t>(s->as_of.time_since_epoch().count());
    return s;
}

/// A wall's control side: store, freeze state, socket server on its own io thread.
class ControlFixture : public ::testing::Test {
protected:
    void start(unsigned mode) {
        dir_ = fs::temp_directory_path() / ("tsur-ctl-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        fs::permissions(dir_,
                        fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
        state_.set_screens({"main", "map"});
        net::ControlSocketOptions opts;
        opts.path = (dir_ / "control.sock").string();
        opts.mode = mode;
        opts.timeout = std::chrono::milliseconds(500);
        server_ = std::make_unique<net::ControlSocketServer>(io_.context(), controller_, opts);
        const auto started = server_->start();
        ASSERT_TRUE(started.ok()) << started.error();
        io_.start();
    }
    void TearDown() override {
        if (server_) io_.run_and_wait([&] { server_->stop(); });
        io_.stop();
        fs::remove_all(dir_);
    }
    std::string path() const { return server_->path(); }

    /// Runs `tsur-wall ctl …`; returns the exit code, the reply in `out`.
    int ctl(const std::vector<std::string>& args, nlohmann::json* reply = nullptr,
            std::string* err_text = nullptr) {
        std::ostringstream out, err;
        const int rc = run_ctl(args, path(), out, err);
        if (reply && !out.str().empty()) *reply = nlohmann::json::parse(out.str());
        if (err_text) *err_text = err.str();
        return rc;
    }

    fs::path dir_;
    net::SnapshotStore store_;
    model::ServerClock clock_;
    FreezeState state_;
    FreezeController controller_{state_, store_, clock_};
    IoThread io_;
    std::unique_ptr<net::ControlSocketServer> server_;
};

TEST_F(ControlFixture, FreezeHoldsTheSnapshotWhileFreshDataArrivesAndUnfreezeReleasesIt) {
    start(0660);
    EXPECT_EQ(fs::status(path()).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                  fs::perms::group_write);
    store_.publish(snapshot_at("2026-11-23T10:15:00Z"));

    nlohmann::json reply;
    ASSERT_EQ(ctl({"freeze", "main"}, &reply), 0);
    EXPECT_EQ(reply["frozen"], true);
    EXPECT_EQ(reply["as_of"], "2026-11-23T10:15:00Z");
    EXPECT_EQ(reply["screen"], "main");
    EXPECT_TRUE(state_.frozen());

    store_.publish(snapshot_at("2026-11-23T10:16:00Z"));
    ASSERT_EQ(ctl({"status"}, &reply), 0);
    EXPECT_EQ(reply["frozen"], true);
    EXPECT_EQ(reply["as_of"], "2026-11-23T10:15:00Z") << "the held snapshot must not move";
    EXPECT_EQ(reply["live_as_of"], "2026-11-23T10:16:00Z") << "fresh data keeps arriving";

    ASSERT_EQ(ctl({"unfreeze"}, &reply), 0);
    EXPECT_EQ(reply["frozen"], false);
    EXPECT_FALSE(state_.frozen());
    ASSERT_EQ(ctl({"status"}, &reply), 0);
    EXPECT_EQ(reply["frozen"], false);
}

TEST_F(ControlFixture, FreezeOfAScreenTheLayoutLacksIsAnErrorNamingIt) {
    start(0660);
    store_.publish(snapshot_at("2026-11-23T10:15:00Z"));
    nlohmann::json reply;
    EXPECT_EQ(ctl({"freeze", "no-such-screen"}, &reply), 1);
    EXPECT_EQ(reply["ok"], false);
    const std::string error = reply["error"];
    EXPECT_NE(error.find("no-such-screen"), std::string::npos) << error;
    EXPECT_NE(error.find("main, map"), std::string::npos) << "names the screens there are";
    EXPECT_FALSE(state_.frozen());
    EXPECT_EQ(ctl({"freeze", "map"}, &reply), 0);
    EXPECT_EQ(reply["screen"], "map");
}

TEST_F(ControlFixture, FreezeWithoutDataIsRefused) {
    start(0660);
    nlohmann::json reply;
    EXPECT_EQ(ctl({"freeze"}, &reply), 1);
    EXPECT_EQ(reply["ok"], false);
    EXPECT_FALSE(state_.frozen());
}

TEST_F(ControlFixture, UnknownAndOversizedRequestsGetAnErrorReply) {
    start(0660);
    std::string err;
    EXPECT_EQ(ctl({"reboot"}, nullptr, &err), 1) << "the client refuses unknown verbs itself";
    EXPECT_NE(err.find("usage"), std::string::npos);

    const auto raw = [&](const std::string& line) {
        const net::UniqueFd s(::socket(AF_UNIX, SOCK_STREAM, 0));
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::strncpy(addr.sun_path, path().c_str(), sizeof addr.sun_path - 1);
        EXPECT_EQ(::connect(s.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
        (void)::send(s.get(), line.data(), line.size(), MSG_NOSIGNAL);
        std::string reply;
        char buf[256];
        ssize_t n = 0;
        while ((n = ::recv(s.get(), buf, sizeof buf, 0)) > 0) {
            reply.append(buf, static_cast<std::size_t>(n));
        }
        return reply;
    };
    EXPECT_NE(raw("reboot now\n").find("unknown command"), std::string::npos);
    EXPECT_NE(raw(std::string(1000, 'x')).find("request too long"), std::string::npos);
    EXPECT_NE(raw("freeze ../../etc\n").find("unknown command"), std::string::npos);
    EXPECT_FALSE(state_.frozen());
    // A client that never finishes its line is cut off by the timeout, not left hanging.
    EXPECT_EQ(raw("stat"), "");
}

TEST_F(ControlFixture, MissingSocketGivesAClearMessage) {
    start(0660);
    std::ostringstream out, err;
    EXPECT_EQ(run_ctl({"status"}, (dir_ / "nope.sock").string(), out, err), 1);
    EXPECT_NE(err.str().find("no control socket"), std::string::npos) << err.str();
}

TEST_F(ControlFixture, TheWallRefusesASocketDirectoryOthersCanWrite) {
    start(0660);
    const fs::path shared = dir_ / "shared";
    fs::create_directories(shared);
    fs::permissions(shared, fs::perms::all);  // 0777, like a /tmp without the sticky bit
    net::ControlSocketOptions opts;
    opts.path = (shared / "control.sock").string();
    net::ControlSocketServer other(io_.context(), controller_, opts);
    model::Result<bool> started = false;
    io_.run_and_wait([&] { started = other.start(); });
    ASSERT_FALSE(started.ok());
    EXPECT_NE(started.error().find("other users can write"), std::string::npos) << started.error();
    EXPECT_FALSE(fs::exists(shared / "control.sock"));
}

TEST_F(ControlFixture, CtlRefusesASocketAnotherUserCouldHaveBound) {
    start(0660);
    // The wall's socket is fine; then its directory becomes writable by everyone.
    nlohmann::json reply;
    ASSERT_EQ(ctl({"status"}, &reply), 0);
    fs::permissions(dir_, fs::perms::all);
    std::string err;
    EXPECT_EQ(ctl({"status"}, nullptr, &err), 1);
    EXPECT_NE(err.find("refusing the control socket"), std::string::npos) << err;
    fs::permissions(dir_, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
    if (::geteuid() != 0) return;
    // A directory owned by someone else (nobody) is refused the same way.
    ASSERT_EQ(::chown(dir_.c_str(), 65534, 65534), 0);
    EXPECT_EQ(ctl({"status"}, nullptr, &err), 1);
    EXPECT_NE(err.find("owned by uid 65534"), std::string::npos) << err;
    ASSERT_EQ(::chown(dir_.c_str(), 0, 0), 0);
}

/// Connects from a forked child running as nobody; returns the child's connect() errno (0 on
/// success).
int connect_as_nobody(const std::string& path) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        // Only async-signal-safe calls in the child of a threaded process.
        if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(200);
        const int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
        const int rc = ::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        ::_exit(rc == 0 ? 0 : (errno & 0x7f));
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 255;
}

TEST_F(ControlFixture, AnotherUserIsRefusedByFilePermissions) {
    if (::geteuid() != 0) GTEST_SKIP() << "needs root to switch to the user nobody";
    start(0600);
    store_.publish(snapshot_at("2026-11-23T10:15:00Z"));
    EXPECT_EQ(connect_as_nobody(path()), EACCES);
    EXPECT_FALSE(state_.frozen());
    nlohmann::json reply;
    EXPECT_EQ(ctl({"status"}, &reply), 0) << "the owner still gets in";
}

TEST_F(ControlFixture, APermittedOtherUserGetsIn) {
    // Control for the test above: the same child connects when the mode allows it.
    if (::geteuid() != 0) GTEST_SKIP() << "needs root to switch to the user nobody";
    start(0666);
    EXPECT_EQ(connect_as_nobody(path()), 0);
}

TEST(ControlRequest, ParsesTheOneLineProtocol) {
    using Verb = net::ControlRequest::Verb;
    EXPECT_EQ(net::parse_control_request("freeze\n").verb, Verb::freeze);
    EXPECT_EQ(net::parse_control_request("freeze  main \r\n").screen_id, "main");
    EXPECT_EQ(net::parse_control_request("unfreeze\n").verb, Verb::unfreeze);
    EXPECT_EQ(net::parse_control_request("status").verb, Verb::status);
    EXPECT_EQ(net::parse_control_request("status extra").verb, Verb::unknown);
    EXPECT_EQ(net::parse_control_request("FREEZE").verb, Verb::unknown);
    EXPECT_EQ(net::parse_control_request("freeze a b").verb, Verb::unknown);
}

}  // namespace
}  // namespace tsur::app
