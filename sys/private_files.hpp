// Files only the wall can touch: a private state or runtime directory (checked for owner and
// mode), reads that never follow a symbolic link, and atomic replacement inside that directory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>

#include "model/result.hpp"

namespace tsur::net {

/// Why `dir` must not hold the wall's state, or an empty string when it may: it must be a real
/// directory (not a symbolic link), owned by this process's user or root, and writable by no one
/// else (no group or world write bit). The one rule for state, cache, history and socket dirs.
std::string private_dir_problem(const std::filesystem::path& dir);

/// Creates `dir` with mode 0700 when missing (parents with the usual mode), then applies
/// private_dir_problem(). The Error names the directory and what to do about it.
model::Result<bool> ensure_private_dir(const std::filesystem::path& dir);

/// Why the secret (token) file at `path` must not be used, or "" when it may: it must exist and
/// give no permission at all to group or others (0600 or 0400). The one rule for token files;
/// the feed client, the status server and check-config all apply it.
std::string secret_file_problem(const std::filesystem::path& path);

/// Reads a whole regular file without following a symbolic link at its last component (a link
/// is refused with a clear Error, as is a file larger than `max_bytes`).
model::Result<std::string> read_file_nofollow(const std::filesystem::path& path,
                                              std::size_t max_bytes);

/// Who may read a file replace_file_durably() writes, and where it may lie.
enum class FileAccess {
    owner_only,  ///< mode 0600 in a directory ensured private: state, cache, history
    shared,      ///< mode 0666 less the umask, in any existing directory: screenshots
};

/// Replaces `path` atomically with the concatenated `parts`; the one write of the program for a
/// file that must survive a power cut. With FileAccess::owner_only the directory is ensured
/// private first. PATH.tmp is removed and created anew with O_CREAT|O_EXCL|O_NOFOLLOW, written,
/// fsynced, renamed over PATH, and the directory is fsynced. A symbolic link planted as the
/// temp file is removed, never followed. Returns the bytes written.
model::Result<std::uint64_t> replace_file_durably(const std::filesystem::path& path,
                                                  std::initializer_list<std::string_view> parts,
                                                  FileAccess access = FileAccess::owner_only);

/// The temp file replace_file_durably() writes before the rename: PATH.tmp.
std::filesystem::path replacement_temp_path(const std::filesystem::path& path);

/// The token in a token file, trimmed; an Error naming the file when unreadable, empty, or
/// readable by other users (net::secret_file_problem).
model::Result<std::string> read_token_file(const std::filesystem::path& path);

}  // namespace tsur::net
