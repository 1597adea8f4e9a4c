// Health counts from the server's as_of, not from the last successful poll: a feed that answers
// promptly with old data is still old data on the wall.
#include "server/status_report.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "model/calendar_date.hpp"
#include "formats/feed_parser.hpp"
#include "formats/feed_reasons.hpp"
#include "server/metrics_text.hpp"

namespace tsur::net {
namespace {

std::string wall_time_text(std::chrono::system_clock::time_point t) {
    return model::format_rfc3339(std::chrono::floor<model::Seconds>(t));
}

std::string hex64(std::uint64_t v) {
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

double seconds_between(std::chrono::steady_clock::time_point a,
                       std::chrono::steady_clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

}  // namespace

bool is_misleading(std::string_view problem) {
    for (const auto& kind : kProblemKinds) {
        if (kind.id == problem) return kind.misleading;
    }
    return true;  // an id not in the table is a bug; failing loudly beats hiding it
}

HealthVerdict assess_health(const StatusInputs& in) {
    HealthVerdict v;
    auto add = [&v](std::string_view id, std::string detail) {
        v.problems.emplace_back(id);
        v.details.emplace(std::string(id), std::move(detail));
    };
    const bool has_data = in.published && in.published->snapshot;
    if (has_data) {
        v.data_age = model::data_age(*in.published->snapshot, in.server_now);
        if (*v.data_age > in.stale_after) {
            add("data_stale", "the newest data is " + std::to_string(v.data_age->count()) +
                                  " s old (limit " + std::to_string(in.stale_after.count()) +
                                  " s)");
        }
    } else if (in.uptime > in.stale_after) {
        add("no_data", "no data since start " + std::to_string(in.uptime.count()) + " s ago");
    }
    // The server answers, but what it sent is not shown: as much a problem as old data, and at
    // once, since the shown data will not move until the feed is fixed.
    if (in.feed.last_result == PollResult::all_rejected) {
        add("all_records_rejected",
            "every record of the newest document was rejected; the last good data is shown");
    }
    if (in.feed.last_result == PollResult::as_of_future) {
        add("as_of_future",
            "the newest document's as_of lies ahead of the wall's clock estimate; refused");
    }
    const auto& r = in.render;
    if (r.frames > 0 && r.state == DisplayState::offline) {
        add("offline", "the wall shows \"no connection\": " +
                           std::to_string(in.feed.consecutive_failures) + " failed polls in a row" +
                           (in.feed.last_error.empty() ? "" : " (" + in.feed.last_error + ")"));
    }
    if (r.layout == LayoutState::builtin) {
        add("layout_builtin",
            "the layout file never loaded; the built-in overview is on screen instead");
    }
    if (const auto fault = render_fault(r, in.steady_now, in.render_limits); !fault.empty()) {
        add(fault, "the picture on the wall cannot be trusted (" + std::string(fault) + ")");
    }
    if (r.layout == LayoutState::rejected) {
        add("layout_rejected",
            "the layout file on disk is rejected; the last good version is shown (see the log)");
    }
    if (in.calendar) {
        v.calendar = model::calendar_outlook(*in.calendar, in.server_now);
        if (v.calendar->ending) add("calendar_ending", model::describe(*v.calendar));
    }
    if (r.glyph_fallbacks > 0) {
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(r.first_missing_glyph));
        add("glyph_fallback", std::to_string(r.glyph_fallbacks) +
                                  " characters of the newest frame are drawn as '?', first " +
                                  code);
    }
    std::stable_partition(v.problems.begin(), v.problems.end(),
                          [](const std::string& id) { return is_misleading(id); });
    v.healthy = v.problems.empty() || !is_misleading(v.problems.front());
    v.status = !v.healthy ? v.problems.front() : has_data ? "ok" : "starting";
    return v;
}

std::string healthz_json(const StatusInputs& in, const HealthVerdict& verdict) {
    using nlohmann::json;
    json j;
    j["status"] = verdict.status;
    j["healthy"] = verdict.healthy;
    j["problems"] = verdict.problems;
    j["details"] = verdict.details;
    j["version"] = in.version;
    j["uptime_s"] = in.uptime.count();
    j["server_time"] = model::format_rfc3339(in.server_now);

    json data = json::object();
    data["age_s"] = verdict.data_age ? json(verdict.data_age->count()) : json(nullptr);
    data["stale_after_s"] = in.stale_after.count();
    if (in.published && in.published->snapshot) {
        const auto& snap = *in.published->snapshot;
        data["as_of"] = model::format_rfc3339(snap.as_of);
        data["snapshot_version"] = snap.version;
        data["incidents"] = snap.incidents.size();
        data["origin"] = in.published->origin == SnapshotOrigin::cache ? "cache" : "feed";
    }
    j["data"] = data;

    const auto& f = in.feed;
    std::uint64_t polls = 0, failed = 0, rejected = 0;
    for (const auto& [result, n] : f.polls) {
        polls += n;
        if (!is_success(result)) failed += n;
    }
    for (const auto& [reason, n] : f.rejected_records) rejected += n;
    std::uint64_t region_wide = 0;
    for (const auto& [reason, n] : f.region_wide_records) region_wide += n;
    json feed;
    feed["last_result"] = f.last_result ? json(id_of(*f.last_result)) : json(nullptr);
    feed["last_error"] = f.last_error.empty() ? json(nullptr) : json(f.last_error);
    feed["consecutive_failures"] = f.consecutive_failures;
    feed["last_poll"] = f.last_poll ? json(wall_time_text(*f.last_poll)) : json(nullptr);
    feed["last_success"] = f.last_success ? json(wall_time_text(*f.last_success)) : json(nullptr);
    feed["polls"] = polls;
    feed["errors"] = failed;
    feed["rejected_records"] = rejected;
    feed["region_wide_records"] = region_wide;
    j["feed"] = feed;

    const auto& r = in.render;
    json display;
    // Before the first frame nothing is on the wall: no state rather than a default "live".
    display["state"] = r.frames ? json(id_of(r.state)) : json(nullptr);
    display["frames"] = r.frames;
    display["last_present"] = r.frames ? json(wall_time_text(r.last_present_wall)) : json(nullptr);
    display["last_present_age_s"] =
        r.frames ? json(seconds_between(r.last_present, in.steady_now)) : json(nullptr);
    display["unchanged_s"] =
        r.frames ? json(seconds_between(r.last_change, in.steady_now)) : json(nullptr);
    display["fingerprint"] = r.frames ? json(hex64(r.fingerprint)) : json(nullptr);
    display["blank"] = r.blank;
    display["headless"] = r.headless;
    display["snapshot_version"] = r.snapshot_version ? json(r.snapshot_version) : json(nullptr);
    display["snapshot_as_of"] =
        r.snapshot_version ? json(model::format_rfc3339(r.snapshot_as_of)) : json(nullptr);
    const auto fault = render_fault(r, in.steady_now, in.render_limits);
    display["fault"] = fault.empty() ? json(nullptr) : json(fault);
    display["layout"] = id_of(r.layout);
    display["layout_rejections"] = r.layout_rejections;
    display["glyph_fallbacks"] = r.glyph_fallbacks;
    j["display"] = display;

    if (const auto& outlook = verdict.calendar) {
        json cal;
        const bool listed = outlook->last_listed_day.has_value();
        cal["listed_until"] =
            listed ? json(model::format_iso_date(*outlook->last_listed_day)) : json(nullptr);
        cal["days_left"] = listed ? json(outlook->days_left.count()) : json(nullptr);
        cal["ending"] = outlook->ending;
        j["calendar"] = cal;
    }
    return j.dump(2) + "\n";
}

std::string metrics_text(const StatusInputs& in, const HealthVerdict& verdict) {
    MetricsText m;
    const auto& f = in.feed;
    m.family("tsur_polls_total", "counter", "Feed polls by result.");
    // In label order, each result present from the first scrape.
    std::map<std::string_view, std::uint64_t> polls;
    for (const auto& r : kPollResults) polls[r.id] = 0;
    for (const auto& [result, n] : f.polls) polls[id_of(result)] = n;
    for (const auto& [result, n] : polls) {
        m.sample("tsur_polls_total", {{"result", result}}, static_cast<double>(n));
    }
    m.family("tsur_consecutive_poll_failures", "gauge", "Failed polls since the last success.");
    m.sample("tsur_consecutive_poll_failures", f.consecutive_failures);
    m.family("tsur_bytes_received_total", "counter", "Feed bytes received, headers included.");
    m.sample("tsur_bytes_received_total", static_cast<double>(f.bytes_received));

    m.family("tsur_rejected_records_total", "counter", "Feed records dropped, by reason.");
    std::map<std::string, std::uint64_t, std::less<>> rejected;
    for (const auto r : rejection_reasons()) rejected[std::string(r)] = 0;
    for (const auto& [reason, n] : f.rejected_records) rejected[reason] = n;
    for (const auto& [reason, n] : rejected) {
        m.sample("tsur_rejected_records_total", {{"reason", reason}}, static_cast<double>(n));
    }
    m.family("tsur_region_wide_records_total", "counter",
             "Feed records kept as incidents of the whole region (no known municipality), by "
             "reason.");
    std::map<std::string, std::uint64_t, std::less<>> wide;
    for (const Reason r :
         {Reason::unknown_municipality, Reason::missing_municipality, Reason::outside_region}) {
        wide[std::string(id_of(r))] = 0;
    }
    for (const auto& [reason, n] : f.region_wide_records) wide[reason] = n;
    for (const auto& [reason, n] : wide) {
        m.sample("tsur_region_wide_records_total", {{"reason", reason}}, static_cast<double>(n));
    }
    m.family("tsur_snapshots_published_total", "counter", "Snapshots handed to the render thread.");
    m.sample("tsur_snapshots_published_total", static_cast<double>(f.snapshots_published));
    m.family("tsur_cache_writes_total", "counter", "Last-known-good cache writes that succeeded.");
    m.sample("tsur_cache_writes_total", static_cast<double>(f.cache_writes));
    m.family("tsur_cache_write_failures_total", "counter",
             "Last-known-good cache writes that failed.");
    m.sample("tsur_cache_write_failures_total", static_cast<double>(f.cache_write_failures));
    m.family("tsur_feed_truncated_polls_total", "counter",
             "Polls that stopped at the page limit with more data on the server (Open311).");
    m.sample("tsur_feed_truncated_polls_total", static_cast<double>(f.truncated_polls));

    const bool has_data = in.published && in.published->snapshot;
    m.family("tsur_snapshot_incidents", "gauge", "Incidents in the newest snapshot.");
    m.sample("tsur_snapshot_incidents",
             has_data ? static_cast<double>(in.published->snapshot->incidents.size()) : 0.0);
    m.family("tsur_data_age_seconds", "gauge", "Server time minus the newest snapshot's as_of.");
    m.sample("tsur_data_age_seconds",
             verdict.data_age ? static_cast<double>(verdict.data_age->count()) : std::nan(""));

    const auto& r = in.render;
    m.family("tsur_frame_seconds", "histogram", "CPU time to build one frame (not rasterising).");
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kFrameSecondsBuckets.size(); ++i) {
        cumulative += r.frame_buckets[i];
        const auto le = format_metric_value(kFrameSecondsBuckets[i]);
        m.sample("tsur_frame_seconds_bucket", {{"le", le}}, static_cast<double>(cumulative));
    }
    cumulative += r.frame_buckets.back();
    m.sample("tsur_frame_seconds_bucket", {{"le", "+Inf"}}, static_cast<double>(cumulative));
    m.sample("tsur_frame_seconds_sum", r.frame_seconds_sum);
    m.sample("tsur_frame_seconds_count", static_cast<double>(cumulative));
    m.family("tsur_frames_presented_total", "counter", "Frames presented on the wall.");
    m.sample("tsur_frames_presented_total", static_cast<double>(r.frames));
    m.family("tsur_display_state", "gauge", "1 for the state the wall shows, 0 for the others.");
    for (std::size_t i = 0; i < kDisplayStateIds.size(); ++i) {
        const bool on = r.frames > 0 && r.state == static_cast<DisplayState>(i);
        m.sample("tsur_display_state", {{"state", kDisplayStateIds[i]}}, on ? 1.0 : 0.0);
    }
    m.family("tsur_problem", "gauge", "1 while /healthz names the problem, else 0.");
    for (const auto& kind : kProblemKinds) {
        const bool on = std::find(verdict.problems.begin(), verdict.problems.end(), kind.id) !=
                        verdict.problems.end();
        m.sample("tsur_problem", {{"problem", kind.id}}, on ? 1.0 : 0.0);
    }
    m.family("tsur_layout_rejections_total", "counter",
             "Versions of the layout file refused since start.");
    m.sample("tsur_layout_rejections_total", static_cast<double>(r.layout_rejections));
    m.family("tsur_glyph_fallbacks_total", "counter",
             "Characters drawn as the font's '?', summed over presented frames.");
    m.sample("tsur_glyph_fallbacks_total", static_cast<double>(r.glyph_fallbacks_total));
    m.family("tsur_frame_glyph_fallbacks", "gauge",
             "Characters the newest frame drew as the font's '?'.");
    m.sample("tsur_frame_glyph_fallbacks", static_cast<double>(r.glyph_fallbacks));
    m.family("tsur_calendar_days_left", "gauge",
             "Days until the holiday calendar's last listed day (negative once past).");
    const auto& outlook = verdict.calendar;
    m.sample("tsur_calendar_days_left", outlook && outlook->last_listed_day
                                            ? static_cast<double>(outlook->days_left.count())
                                            : std::nan(""));
    m.family("tsur_healthy", "gauge", "1 when /healthz answers 200.");
    m.sample("tsur_healthy", verdict.healthy ? 1.0 : 0.0);
    m.family("tsur_uptime_seconds", "gauge", "Seconds since the wall started.");
    m.sample("tsur_uptime_seconds", static_cast<double>(in.uptime.count()));
    m.family("tsur_build_info", "gauge", "Version of the running wall.");
    m.sample("tsur_build_info", {{"version", in.version}}, 1.0);
    return m.take();
}

}  // namespace tsur::net
