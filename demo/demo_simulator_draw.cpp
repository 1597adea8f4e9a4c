// Drawing the demo's incidents: a Poisson count per hour bucket (and per planted spike), then each
// incident's channel, deadline, answer delay and outcome from its own seed.
#include <algorithm>
#include <chrono>
#include <cmath>

#include "demo/demo_scenario.hpp"
#include "demo/demo_simulator.hpp"
#include "demo/demo_simulator_internal.hpp"

namespace tsur::net {

using model::Channel;
using model::Sector;
using model::TimePoint;

namespace {

constexpr std::int64_t kMaxLifetimeHours = 40 * 24;  // every incident is closed by then

bool is_winter_month(unsigned month) { return month >= 11 || month <= 3; }

}  // namespace

DemoSimulator::Run DemoSimulator::run(TimePoint now) const {
    Run r;
    r.now = now;
    r.history_days = std::max(options_.history_days, 1);
    const TimePoint today = model::local_midnight(now, region_->utc_offset);
    r.history_start = today - std::chrono::days{r.history_days - 1};
    r.history.assign(static_cast<std::size_t>(r.history_days) * region_->municipalities.size() *
                         model::kSectorCount,
                     0);
    if (region_->municipalities.empty()) return r;
    const auto hour_of = [](TimePoint t) {
        return std::chrono::floor<std::chrono::hours>(t).time_since_epoch().count();
    };
    // Incidents older than the history but still in the snapshot need their buckets too.
    const TimePoint closed_horizon =
        now - std::chrono::days{options_.closed_days} - std::chrono::hours{kMaxLifetimeHours};
    const std::int64_t first = std::min(hour_of(r.history_start), hour_of(closed_horizon));
    const std::int64_t last = hour_of(now);
    for (std::int64_t h = first; h <= last; ++h) draw_bucket(r, h, now);
    return r;
}

void DemoSimulator::draw_bucket(Run& r, std::int64_t hour, TimePoint now) const {
    const TimePoint start{std::chrono::hours{hour}};
    const auto local = model::to_local(start, region_->utc_offset);
    const bool winter = is_winter_month(static_cast<unsigned>(local.month));
    const double lambda = options_.daily_incidents * options_.scale * volume_ / 24.0 *
                          demo::hour_profile()[static_cast<std::size_t>(local.hour)] *
                          demo::weekday_profile()[static_cast<std::size_t>(local.weekday)];
    std::uint64_t bucket_rng = demo::seed_of(options_.seed, 0, hour, 0xB0C4E7);
    const int count = demo::poisson(bucket_rng, lambda);
    for (int i = 0; i < count; ++i) draw_incident(r, hour, winter, 0, i, -1, -1, now);

    const TimePoint today = model::local_midnight(now, region_->utc_offset);
    const auto spikes = demo::spikes();
    for (std::size_t k = 0; k < spikes.size(); ++k) {
        const int muni = spike_muni_[k];
        if (muni < 0) continue;
        if (start < today - std::chrono::days{spikes[k].days - 1}) continue;
        const auto sector = model::index_of(spikes[k].sector);
        const double extra = lambda * muni_weight_[static_cast<std::size_t>(muni)] *
                             sector_share_[winter][static_cast<std::size_t>(muni)][sector] *
                             (spikes[k].factor - 1.0);
        std::uint64_t spike_rng = demo::seed_of(options_.seed, k + 1, hour, 0xB0C4E7);
        const int extra_count = demo::poisson(spike_rng, extra);
        for (int i = 0; i < extra_count; ++i) {
            draw_incident(r, hour, winter, static_cast<int>(k + 1), i, muni,
                          static_cast<int>(sector), now);
        }
    }
}

bool DemoSimulator::draw_incident(Run& r, std::int64_t hour, bool winter, int stream, int index,
                                  int forced_muni, int forced_sector, TimePoint now) const {
    std::uint64_t rng = demo::seed_of(options_.seed, static_cast<std::uint64_t>(stream), hour,
                                      static_cast<std::uint64_t>(index));
    Sim s;
    s.hour = hour;
    s.index = static_cast<std::uint32_t>(index);
    s.stream = static_cast<std::uint8_t>(stream);
    s.created = TimePoint{std::chrono::hours{hour}} +
                model::Seconds{static_cast<int>(demo::uniform(rng) * 3600.0)};
    if (s.created > now) return false;
    s.muni = static_cast<model::MunicipalityIndex>(forced_muni >= 0
                                                       ? static_cast<std::size_t>(forced_muni)
                                                       : demo::pick(muni_cum_, demo::uniform(rng)));
    s.sector = static_cast<Sector>(
        forced_sector >= 0 ? static_cast<std::size_t>(forced_sector)
                           : demo::pick(sector_cum_[winter][s.muni], demo::uniform(rng)));
    const auto day = std::chrono::floor<std::chrono::days>(s.created - r.history_start).count();
    if (day >= 0 && day < r.history_days) {
        const std::size_t cell =
            (static_cast<std::size_t>(day) * region_->municipalities.size() + s.muni) *
                model::kSectorCount +
            model::index_of(s.sector);
        ++r.history[cell];
    }

    static const auto kChannelCum = [] {
        std::array<double, model::kChannelCount> cum{};
        double acc = 0;
        for (std::size_t c = 0; c < cum.size(); ++c) cum[c] = acc += demo::channel_mix()[c];
        return cum;
    }();
    s.channel = static_cast<Channel>(demo::pick(kChannelCum, demo::uniform(rng)));

    // Nominal answer times: 24 h for social posts and media (docs/domain.md), 10 days on the
    // platform, 30 days for letters (59-FZ); hotline and app are this demo's own choice.
    const bool fast = model::is_social(s.channel) || s.channel == Channel::media;
    double nominal_h = 24.0;
    if (s.channel == Channel::pos) nominal_h = 240.0;
    if (s.channel == Channel::hotline) nominal_h = 72.0;
    if (s.channel == Channel::app) nominal_h = 120.0;
    if (s.channel == Channel::letter) nominal_h = 720.0;
    s.explicit_due = (fast || s.channel == Channel::pos) && s.channel != Channel::media &&
                     demo::uniform(rng) < 0.5;
    const double fate = demo::uniform(rng);
    const double u = demo::uniform(rng);
    const double p_overdue = fast ? 0.03 : 0.04;
    const double p_late = fast ? 0.09 : 0.11;
    double delay_h;
    if (fate < p_overdue) {
        delay_h = nominal_h * (2.0 + 12.0 * u);
    } else if (fate < p_overdue + p_late) {
        delay_h = nominal_h * (1.02 + 0.8 * u);
    } else {
        delay_h = nominal_h * (fast ? 0.02 + 0.9 * u * u * u : 0.05 + 0.9 * std::pow(u, 1.5));
    }
    delay_h = std::clamp(delay_h, 0.02, static_cast<double>(kMaxLifetimeHours) - 1.0);
    const model::Seconds delay{static_cast<std::int64_t>(delay_h * 3600.0)};
    s.answered = s.created + delay;
    s.taken =
        s.created + model::Seconds{static_cast<std::int64_t>(static_cast<double>(delay.count()) *
                                                             (0.05 + 0.25 * demo::uniform(rng)))};
    s.nominal_due = s.created + model::Seconds{static_cast<std::int64_t>(nominal_h * 3600.0)};
    const double outcome = demo::uniform(rng);
    s.final_status = outcome < 0.48   ? model::Status::answered
                     : outcome < 0.88 ? model::Status::resolved
                                      : model::Status::rejected;

    const bool open = s.answered > now;
    const bool recently_closed = s.answered >= now - std::chrono::days{options_.closed_days};
    if (!open && !recently_closed) return false;
    s.rng = rng;
    r.incidents.push_back(s);
    return true;
}

}  // namespace tsur::net
