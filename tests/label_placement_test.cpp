// Map labels: no overlaps, the capital always placed, legend/inset areas left free, small places
// give way first, and the policy for districts that share their city's centre.
#include <gtest/gtest.h>

#include <algorithm>

#include "display/map/label_placement.hpp"
#include "display/map/projection.hpp"
#include "model/region_loader.hpp"
#include "support/paths.hpp"

namespace tsur::display {
namespace {

model::Region udmurtia() {
    const std::string csv = test::read_file(test::asset_path("regions/RU-UD/municipalities.csv"));
    auto r = model::parse_region_csv(csv, "municipalities.csv");
    EXPECT_TRUE(r.ok()) << r.error();
    model::Region region = r.take();
    region.capital = *region.find("izhevsk");
    return region;
}

/// Requests for the real municipalities at text height `px` (about 0.55 em per character).
std::vector<LabelRequest> requests_for(const model::Region& region,
                                       const std::vector<model::MunicipalityIndex>& order,
                                       const Projection& proj, float px) {
    std::vector<LabelRequest> out;
    for (auto i : order) {
        const std::string text = short_label(region.municipalities[i].name_ru, "район", "р-н");
        // UTF-8 Cyrillic is two bytes per letter.
        const float chars = static_cast<float>(text.size()) * 0.55f;
        const bool capital = i == region.capital;
        out.push_back(LabelRequest{
            proj.forward(region.municipalities[i].centre),
            ImVec2(chars * px * (capital ? 0.75f : 0.55f), px * (capital ? 1.4f : 1.0f)), px * 0.3f,
            capital});
    }
    return out;
}

void expect_no_overlaps(const std::vector<PlacedLabel>& placed) {
    for (std::size_t a = 0; a < placed.size(); ++a) {
        for (std::size_t b = a + 1; b < placed.size(); ++b) {
            EXPECT_FALSE(placed[a].rect.overlaps(placed[b].rect))
                << "labels " << placed[a].request << " and " << placed[b].request << " overlap";
        }
    }
}

TEST(LabelPlacement, RealRegionLabelsNeverOverlapAndTheCapitalIsPlaced) {
    const model::Region region = udmurtia();
    const auto order = label_order(region);
    for (const Rect map : {Rect{0, 0, 1900, 1300}, Rect{0, 0, 3840, 2160}, Rect{0, 0, 700, 900},
                           Rect{50, 50, 400, 300}}) {
        const Projection proj =
            Projection::fit(GeoBounds{55.857, 58.544, 51.116, 54.400}, map, map.h * 0.04f);
        const float px = std::max(12.0f, map.h * 0.025f);
        const auto requests = requests_for(region, order, proj, px);
        const std::vector<Rect> reserved = {
            Rect{map.x, map.bottom() - map.h * 0.3f, map.w * 0.25f, map.h * 0.3f}};
        const auto placed = place_labels(requests, reserved, map);
        expect_no_overlaps(placed);
        ASSERT_FALSE(placed.empty());
        EXPECT_EQ(placed.front().request, 0u) << "the capital is placed first";
        EXPECT_EQ(region.municipalities[order[placed.front().request]].id, "izhevsk");
        for (const PlacedLabel& p : placed) {
            EXPECT_FALSE(p.rect.overlaps(reserved[0])) << "label over the legend";
            EXPECT_GE(p.rect.x, map.x);
            EXPECT_LE(p.rect.right(), map.right());
            EXPECT_GE(p.rect.y, map.y);
            EXPECT_LE(p.rect.bottom(), map.bottom());
        }
        if (map.w >= 1900) {
            EXPECT_GE(placed.size(), 20u) << "a 4K map has room for most names";
        }
    }
}

TEST(LabelPlacement, SmallerPlacesGiveWayWhenThereIsRoomForOne) {
    // Two markers on one spot in a strip with room for one label.
    const std::vector<LabelRequest> requests = {
        {ImVec2(50, 10), ImVec2(40, 10), 2, false},
        {ImVec2(50, 10), ImVec2(40, 10), 2, false},
    };
    const auto placed = place_labels(requests, {}, Rect{48, 0, 52, 21});
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].request, 0u);
}

TEST(LabelPlacement, LabelsAvoidOtherMarkers) {
    const std::vector<LabelRequest> requests = {
        {ImVec2(100, 100), ImVec2(60, 12), 4, false},
        {ImVec2(130, 100), ImVec2(60, 12), 4, false},  // sits where the first's right label goes
    };
    const auto placed = place_labels(requests, {}, Rect{0, 0, 400, 400});
    ASSERT_EQ(placed.size(), 2u);
    EXPECT_NE(placed[0].side, LabelSide::right);
    const Rect other{126, 96, 8, 8};
    EXPECT_FALSE(placed[0].rect.overlaps(other));
}

TEST(LabelPlacement, RequiredLabelIsPlacedEvenWhenEverySpotIsTaken) {
    const std::vector<LabelRequest> requests = {
        {ImVec2(50, 50), ImVec2(30, 10), 3, false},
        {ImVec2(50, 50), ImVec2(30, 10), 3, true},
    };
    const std::vector<Rect> reserved = {Rect{0, 0, 100, 30}};
    const auto placed = place_labels(requests, reserved, Rect{0, 0, 100, 100});
    const auto it = std::find_if(placed.begin(), placed.end(),
                                 [](const PlacedLabel& p) { return p.request == 1; });
    ASSERT_NE(it, placed.end());
    EXPECT_FALSE(it->rect.overlaps(reserved[0]));
}

TEST(LabelPlacement, OrderPutsTheCapitalThenCitiesThenDistrictsByPopulation) {
    const model::Region region = udmurtia();
    const auto order = label_order(region);
    ASSERT_FALSE(order.empty());
    const auto id = [&](std::size_t k) { return region.municipalities[order[k]].id; };
    EXPECT_EQ(id(0), "izhevsk");
    EXPECT_EQ(id(1), "glazov");   // 100 676
    EXPECT_EQ(id(2), "sarapul");  // 98 830
    EXPECT_EQ(id(3), "votkinsk");
    EXPECT_EQ(id(4), "mozhga");
    EXPECT_EQ(id(5), "igrinsky");  // Игра, 22 033: the largest district centre
    // Districts administered from a city share its centre: the city's label stands for both.
    for (std::string_view gone : {"votkinsky", "glazovsky", "mozhginsky"}) {
        EXPECT_TRUE(std::none_of(order.begin(), order.end(), [&](auto i) {
            return region.municipalities[i].id == gone;
        })) << gone;
    }
    EXPECT_EQ(order.size(), region.municipalities.size() - 3);
    for (std::size_t k = 6; k + 1 < order.size(); ++k) {
        EXPECT_GE(region.municipalities[order[k]].centre_population,
                  region.municipalities[order[k + 1]].centre_population);
    }
}

TEST(LabelPlacement, ShortLabelAbbreviatesDistrict) {
    EXPECT_EQ(short_label("Алнашский район", "район", "р-н"), "Алнашский р-н");
    EXPECT_EQ(short_label("Ижевск", "район", "р-н"), "Ижевск");
    EXPECT_EQ(short_label("район", "район", "р-н"), "район");
    EXPECT_EQ(short_label("Подрайон", "район", "р-н"), "Подрайон");
    EXPECT_EQ(short_label("Alnashsky District", "District", "Dist."), "Alnashsky Dist.");
}

}  // namespace
}  // namespace tsur::display
