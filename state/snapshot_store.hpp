// The hand-off of immutable snapshots from the io thread to the render thread: one atomic pointer.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

#include "model/snapshot.hpp"

namespace tsur::net {

/// Where a published snapshot came from: the live feed or the last-known-good cache at start.
enum class SnapshotOrigin : std::uint8_t { feed, cache };

/// What the render thread reads: the snapshot together with how and when it was published.
struct PublishedSnapshot {
    model::SnapshotPtr snapshot;
    SnapshotOrigin origin = SnapshotOrigin::feed;
    std::uint64_t generation = 0;  ///< 1 for the first publish, +1 for each one after it
};

/// Lock-free single-writer hand-off: publish() from the io thread, current() from any thread.
class SnapshotStore {
public:
    /// Replaces the current snapshot; readers see either the old or the new one, never a mix.
    void publish(model::SnapshotPtr snapshot, SnapshotOrigin origin = SnapshotOrigin::feed) {
        auto next = std::make_shared<PublishedSnapshot>();
        next->snapshot = std::move(snapshot);
        next->origin = origin;
        next->generation = generation_.load(std::memory_order_relaxed) + 1;
        generation_.store(next->generation, std::memory_order_relaxed);
        published_.store(std::shared_ptr<const PublishedSnapshot>(std::move(next)),
                         std::memory_order_release);
    }

    /// The newest snapshot, or null before the first publish.
    model::SnapshotPtr current() const {
        auto p = published_.load(std::memory_order_acquire);
        return p ? p->snapshot : nullptr;
    }

    /// The newest snapshot with its origin and generation (a consistent triple).
    std::shared_ptr<const PublishedSnapshot> current_published() const {
        return published_.load(std::memory_order_acquire);
    }

    /// Cheap change check for the render loop: differs whenever a new snapshot was published.
    std::uint64_t generation() const {
        auto p = published_.load(std::memory_order_acquire);
        return p ? p->generation : 0;
    }

private:
    std::atomic<std::shared_ptr<const PublishedSnapshot>> published_;
    std::atomic<std::uint64_t> generation_{0};  // writer-side counter; readers use published_
};

}  // namespace tsur::net
