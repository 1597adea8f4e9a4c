// A scratch directory per test, removed when the test ends.
#pragma once

#include <filesystem>

namespace tsur::test {

/// tmp/tsur-<suite>-<pid>-<test>, emptied at construction and removed at destruction; test thread.
struct TempDir {
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::filesystem::path path;
};

}  // namespace tsur::test
