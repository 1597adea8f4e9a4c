// The pid keeps test binaries that ctest runs in parallel out of each other's directories.
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <string>

namespace tsur::test {

TempDir::TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path = std::filesystem::temp_directory_path() /
           ("tsur-" + std::string(info->test_suite_name()) + "-" + std::to_string(::getpid()) +
            "-" + info->name());
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
}

}  // namespace tsur::test
