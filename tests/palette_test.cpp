// Sector colours stay distinguishable for deuteranopes (Machado, Oliveira & Fernandes 2009,
// severity 1.0) and for normal vision, and stand out from the map's land colour.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <numbers>

#include "display/theme.hpp"

namespace tsur::display {
namespace {

using Vec3 = std::array<double, 3>;

Vec3 linear_rgb(ImU32 c) {
    Vec3 out{};
    for (int i = 0; i < 3; ++i) {
        const double v = static_cast<double>((c >> (8 * i)) & 0xFFu) / 255.0;
        out[i] = v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    }
    return out;
}

/// Machado et al. 2009, deuteranomaly at severity 1.0, applied in linear RGB.
Vec3 deuteranopia(const Vec3& rgb) {
    constexpr double m[3][3] = {{0.367322, 0.860646, -0.227968},
                                {0.280085, 0.672501, 0.047413},
                                {-0.011820, 0.042940, 0.968881}};
    Vec3 out{};
    for (int i = 0; i < 3; ++i) {
        out[i] = std::clamp(m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2], 0.0, 1.0);
    }
    return out;
}

Vec3 lab(const Vec3& rgb) {
    const double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
    const double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    const double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
    const auto f = [](double t) {
        return t > 216.0 / 24389.0 ? std::cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
    };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double deg(double rad) { return rad * 180.0 / std::numbers::pi; }
double rad(double d) { return d * std::numbers::pi / 180.0; }

/// CIEDE2000 colour difference (Sharma, Wu & Dalal 2005).
double delta_e2000(const Vec3& c1, const Vec3& c2) {
    const double cbar = (std::hypot(c1[1], c1[2]) + std::hypot(c2[1], c2[2])) / 2;
    const double g =
        0.5 * (1 - std::sqrt(std::pow(cbar, 7) / (std::pow(cbar, 7) + std::pow(25.0, 7))));
    const double a1 = (1 + g) * c1[1], a2 = (1 + g) * c2[1];
    const double cp1 = std::hypot(a1, c1[2]), cp2 = std::hypot(a2, c2[2]);
    const auto hue = [](double b, double a) {
        const double h = deg(std::atan2(b, a));
        return h < 0 ? h + 360 : h;
    };
    const double h1 = hue(c1[2], a1), h2 = hue(c2[2], a2);
    double dh = 0;
    if (cp1 * cp2 != 0) {
        dh = h2 - h1;
        if (dh > 180) dh -= 360;
        if (dh < -180) dh += 360;
    }
    const double dl = c2[0] - c1[0], dc = cp2 - cp1;
    const double dhh = 2 * std::sqrt(cp1 * cp2) * std::sin(rad(dh / 2));
    const double lbar = (c1[0] + c2[0]) / 2, cpbar = (cp1 + cp2) / 2;
    double hbar = h1 + h2;
    if (cp1 * cp2 != 0) {
        hbar = std::abs(h1 - h2) <= 180 ? (h1 + h2) / 2
               : (h1 + h2 < 360)        ? (h1 + h2 + 360) / 2
                                        : (h1 + h2 - 360) / 2;
    }
    const double t = 1 - 0.17 * std::cos(rad(hbar - 30)) + 0.24 * std::cos(rad(2 * hbar)) +
                     0.32 * std::cos(rad(3 * hbar + 6)) - 0.20 * std::cos(rad(4 * hbar - 63));
    const double dtheta = 30 * std::exp(-std::pow((hbar - 275) / 25, 2));
    const double rc = 2 * std::sqrt(std::pow(cpbar, 7) / (std::pow(cpbar, 7) + std::pow(25.0, 7)));
    const double sl = 1 + 0.015 * std::pow(lbar - 50, 2) / std::sqrt(20 + std::pow(lbar - 50, 2));
    const double sc = 1 + 0.045 * cpbar, sh = 1 + 0.015 * cpbar * t;
    const double rt = -std::sin(rad(2 * dtheta)) * rc;
    return std::sqrt(std::pow(dl / sl, 2) + std::pow(dc / sc, 2) + std::pow(dhh / sh, 2) +
                     rt * (dc / sc) * (dhh / sh));
}

// Thresholds: ~10 CIEDE2000 units tell small dots apart at a glance; normal vision gets more.
constexpr double kMinDeuteranopeDelta = 10.0;
constexpr double kMinNormalDelta = 20.0;
constexpr double kMinAgainstLand = 30.0;

TEST(Palette, DeltaE2000MatchesPublishedReferencePair) {
    // Sharma et al. 2005, test pair 1: (50, 2.6772, -79.7751) vs (50, 0, -82.7485) -> 2.0425.
    EXPECT_NEAR(delta_e2000({50, 2.6772, -79.7751}, {50, 0, -82.7485}), 2.0425, 1e-4);
    // Pair 17: (50, 2.5, 0) vs (73, 25, -18) -> 27.1492.
    EXPECT_NEAR(delta_e2000({50, 2.5, 0}, {73, 25, -18}), 27.1492, 1e-4);
}

TEST(Palette, SectorColoursDistinctUnderDeuteranopia) {
    const Theme& th = dark_theme();
    for (std::size_t i = 0; i < model::kSectorCount; ++i) {
        for (std::size_t j = i + 1; j < model::kSectorCount; ++j) {
            const Vec3 a = linear_rgb(th.sector[i]), b = linear_rgb(th.sector[j]);
            EXPECT_GE(delta_e2000(lab(deuteranopia(a)), lab(deuteranopia(b))), kMinDeuteranopeDelta)
                << model::kSectorIds[i] << " vs " << model::kSectorIds[j];
            EXPECT_GE(delta_e2000(lab(a), lab(b)), kMinNormalDelta)
                << model::kSectorIds[i] << " vs " << model::kSectorIds[j];
        }
    }
}

TEST(Palette, SectorColoursStandOutFromLand) {
    const Theme& th = dark_theme();
    const Vec3 land = linear_rgb(th.land);
    for (std::size_t i = 0; i < model::kSectorCount; ++i) {
        const Vec3 c = linear_rgb(th.sector[i]);
        EXPECT_GE(delta_e2000(lab(deuteranopia(c)), lab(deuteranopia(land))), kMinAgainstLand)
            << model::kSectorIds[i];
    }
}

}  // namespace
}  // namespace tsur::display
