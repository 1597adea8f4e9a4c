// Map projection: round trips, fitting on any aspect ratio, north up, margins respected.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "display/map/projection.hpp"

namespace tsur::display {
namespace {

// Udmurtia's bounding box (the Natural Earth outline: lon 51.116..54.400, lat 55.857..58.544).
const GeoBounds kUdmurtia{55.857, 58.544, 51.116, 54.400};

TEST(Projection, RoundTripsEveryPointOfTheRegion) {
    const Projection p = Projection::fit(kUdmurtia, Rect{100, 50, 3840, 2160}, 40);
    for (double lat = 55.8; lat <= 58.6; lat += 0.13) {
        for (double lon = 51.1; lon <= 54.4; lon += 0.17) {
            const model::GeoPoint back = p.inverse(p.forward({lat, lon}));
            EXPECT_NEAR(back.lat, lat, 1e-5);  // float pixels: ~1 m
            EXPECT_NEAR(back.lon, lon, 1e-5);
        }
    }
}

TEST(Projection, NorthIsUpAndEastIsRight) {
    const Projection p = Projection::fit(kUdmurtia, Rect{0, 0, 1000, 1000}, 0);
    const ImVec2 glazov = p.forward({58.1393, 52.658});
    const ImVec2 sarapul = p.forward({56.47633, 53.79782});
    EXPECT_LT(glazov.y, sarapul.y);
    EXPECT_LT(glazov.x, sarapul.x);
}

void expect_fitted(const Rect& r, float margin) {
    const Projection p = Projection::fit(kUdmurtia, r, margin);
    const ImVec2 nw = p.forward({kUdmurtia.max_lat, kUdmurtia.min_lon});
    const ImVec2 se = p.forward({kUdmurtia.min_lat, kUdmurtia.max_lon});
    const float w = se.x - nw.x, h = se.y - nw.y;
    // Inside the rectangle shrunk by the margin.
    EXPECT_GE(nw.x, r.x + margin - 0.01f);
    EXPECT_GE(nw.y, r.y + margin - 0.01f);
    EXPECT_LE(se.x, r.right() - margin + 0.01f);
    EXPECT_LE(se.y, r.bottom() - margin + 0.01f);
    // As large as possible: one axis fills the available space.
    const bool fills_w = std::abs(w - (r.w - 2 * margin)) < 0.5f;
    const bool fills_h = std::abs(h - (r.h - 2 * margin)) < 0.5f;
    EXPECT_TRUE(fills_w || fills_h) << "w " << w << " h " << h;
    // Centred.
    EXPECT_NEAR((nw.x + se.x) * 0.5f, r.x + r.w * 0.5f, 0.5f);
    EXPECT_NEAR((nw.y + se.y) * 0.5f, r.y + r.h * 0.5f, 0.5f);
    // Aspect preserved: ground width/height of the box at its central latitude.
    const double cos_lat =
        std::cos((kUdmurtia.min_lat + kUdmurtia.max_lat) / 2 * std::numbers::pi / 180);
    const double ground =
        (kUdmurtia.max_lon - kUdmurtia.min_lon) * cos_lat / (kUdmurtia.max_lat - kUdmurtia.min_lat);
    EXPECT_NEAR(w / h, ground, 1e-3);
}

TEST(Projection, FitsWideTallAndSquareRectangles) {
    expect_fitted(Rect{0, 0, 3840, 2160}, 48);
    expect_fitted(Rect{200, 300, 600, 2000}, 20);
    expect_fitted(Rect{10, 10, 900, 900}, 0);
    expect_fitted(Rect{1280, 400, 1300, 1500}, 30);
}

TEST(Projection, KilometresMatchTheGlobe) {
    const Projection p = Projection::fit(kUdmurtia, Rect{0, 0, 2000, 2000}, 0);
    // One degree of latitude is ~111.2 km; at 57 N one degree of longitude is ~60.6 km.
    const ImVec2 a = p.forward({57.0, 53.0});
    const ImVec2 north = p.forward({58.0, 53.0});
    const ImVec2 east = p.forward({57.0, 54.0});
    EXPECT_NEAR((a.y - north.y) / p.px_per_km(), 111.2, 0.1);
    EXPECT_NEAR((east.x - a.x) / p.px_per_km(), 60.6, 1.5);
}

TEST(Projection, ZoomedKeepsTheAnchorAndMultipliesTheScale) {
    const Projection p = Projection::fit(kUdmurtia, Rect{0, 0, 2000, 2000}, 0);
    const model::GeoPoint izhevsk{56.84976, 53.20448};
    const Projection z = p.zoomed(4.0, izhevsk, 500, 600);
    const ImVec2 c = z.forward(izhevsk);
    EXPECT_NEAR(c.x, 500, 1e-3);
    EXPECT_NEAR(c.y, 600, 1e-3);
    EXPECT_NEAR(z.px_per_km(), 4.0 * p.px_per_km(), 1e-9);
    const model::GeoPoint near{56.9, 53.3};
    const ImVec2 d0 = p.forward(near), o0 = p.forward(izhevsk);
    const ImVec2 d1 = z.forward(near);
    EXPECT_NEAR(d1.x - c.x, 4.0f * (d0.x - o0.x), 0.01f);
    EXPECT_NEAR(d1.y - c.y, 4.0f * (d0.y - o0.y), 0.01f);
}

TEST(Projection, DegenerateBoxStillGivesAFiniteScale) {
    const Projection p = Projection::fit(GeoBounds{57, 57, 53, 53}, Rect{0, 0, 100, 100}, 10);
    EXPECT_TRUE(std::isfinite(p.px_per_deg_lat()));
    const ImVec2 c = p.forward({57, 53});
    EXPECT_NEAR(c.x, 50, 1e-3);
    EXPECT_NEAR(c.y, 50, 1e-3);
}

}  // namespace
}  // namespace tsur::display
