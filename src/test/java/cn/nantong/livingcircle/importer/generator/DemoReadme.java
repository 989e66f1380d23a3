package cn.nantong.livingcircle.importer.generator;

import java.util.Locale;
import java.util.Map;

import cn.nantong.livingcircle.importer.CsvLayout;

/**
 * The README of {@code neo4j/data/nantong-demo/}. It is generated with the data so the counts in it
 * can never drift from the files; edit the text here and rerun {@code scripts/generate-data.sh}.
 */
final class DemoReadme {

    private DemoReadme() {
    }

    static String render(DatasetGenerator.Summary s, long seed, Map<String, Long> categoryCounts) {
        StringBuilder categories = new StringBuilder();
        categoryCounts.entrySet().stream()
                .sorted((a, b) -> !a.getValue().equals(b.getValue()) ? Long.compare(b.getValue(), a.getValue())
                        : a.getKey().compareTo(b.getKey()))
                .forEach(e -> categories.append(String.format(Locale.ROOT, "| `%s` | %,d |\n", e.getKey(), e.getValue())));
        long outlets = s.count(CsvLayout.OUTLETS);
        long chain = s.stats().get(DatasetGenerator.STAT_CHAIN_OUTLETS);
        return String.format(Locale.ROOT, """
                # Nantong demo dataset — 一刻钟便民生活圈, 崇川区 pilot communities

                > **Generated file, do not edit by hand.** Everything in this directory, this README included,
                > is written by `scripts/generate-data.sh` (class
                > `cn.nantong.livingcircle.importer.generator.DatasetGenerator`, `--scale demo --seed %1$d`).
                > `DatasetGeneratorTests` fails if the committed files differ from a fresh generation. To change
                > the data or this text, change the generator (`DemoReadme.java` for this text) and regenerate.

                This is a **synthetic** dataset calibrated to a few published facts. It is meant for demos, tests and
                benchmarks of the living-circle API, not for real-world decisions.

                ## What is real

                - **Administrative units.** District 崇川区 (Chongchuan) and the names of its 12 subdistricts (街道)
                  used here. Each subdistrict's pilot cluster is placed at roughly its real WGS84 location (best
                  knowledge, not surveyed boundaries).
                - **Three community names the city has published:** 龙湖佳苑社区 (天生港镇街道), 南川园社区 (学田街道)
                  and 金鑫苑社区. Their `name_source` is `published`. Putting 金鑫苑社区 in 城东街道 is our assumption.
                - **Published totals the dataset is calibrated to**, matched exactly:
                  2,865 outlets in the 20 pilot communities; 317 outlets new or renovated, 123 of them brand chains;
                  38 community commercial centres, 7 of them new or renovated. The published brand-chain share is
                  22.04 %%; the nearest whole number of chain outlets is 631 (631 / 2,865 = 22.02 %%; 632 would be
                  22.06 %%).
                - **Categories** are the codes of the project's service-category catalogue
                  (`neo4j/migrations/V0002__Seed_service_categories.cypher`). **Brand names** are real chains that
                  operate in China (e.g. 全家, 罗森, 苏果, 文峰 — a Nantong retailer, 老百姓大药房, 肯德基, 瑞幸咖啡),
                  but which branch is where is invented.

                ## What is synthetic

                - **The whole walkway network.** The team description said "the streets are real", but no open street
                  data covering these subdistricts was available, so the streets are synthetic too. Per subdistrict:
                  arterial roads 400–600 m apart, local streets every ~120–200 m, a few local segments dropped,
                  junctions jittered by a few metres and the grid rotated by up to ±12°. Each gated compound (小区)
                  has its own inset lane grid joined to the surrounding streets only at 1–3 gates.
                - **Buildings**: positions, number per community, households and residents.
                - **17 of the 20 community names** (`name_source` = `synthetic`) and all community extents and areas.
                - **Outlets, commercial centres and facilities**: positions, names (other than the brand part),
                  categories per community, which ones are chains or new/renovated, floor areas, opening hours and years.
                - **Deliberate gaps** for gap analysis: 观山社区, 钟秀花园社区 and 秦灶新苑社区 have no wet market;
                  五山社区 and 秦灶新苑社区 have no pharmacy. Each is the only pilot community of its subdistrict, i.e.
                  of its network component, so no such outlet is reachable on foot at all.

                ## Files

                | File | Rows | Content |
                |---|---:|---|
                | `districts.csv` | %2$,d | District (区) |
                | `subdistricts.csv` | %3$,d | Subdistricts (街道) |
                | `communities.csv` | %4$,d | Pilot communities (社区) |
                | `buildings.csv` | %5$,d | Residential buildings |
                | `junctions.csv` | %6$,d | Walkway network nodes |
                | `walkways.csv` | %7$,d | Walkway network edges (undirected) |
                | `commercial_centers.csv` | %8$,d | Community commercial centres |
                | `outlets.csv` | %9$,d | Shops and services (商业网点) |
                | `facilities.csv` | %10$,d | Public facilities |

                Outlets: %11$,d new or renovated, of which %12$,d chains; %13$,d chain outlets in total
                (%14$s %%). Commercial centres new or renovated: %15$,d.

                ## Format

                - CSV per RFC 4180, UTF-8 without BOM, one header row, `\\n` line endings. An empty cell means null.
                - Coordinates are WGS84 decimal degrees with 7 decimals (`lat`, `lon`).
                - `length_m` is the haversine length in metres (mean Earth radius 6,371,008.8 m) of the straight
                  segment between the two junctions' coordinates as written, 3 decimals, always > 0.
                - Areas are square metres (integers). Booleans are `true` / `false`.
                - `opening_hours` is local time (Asia/Shanghai), `HH:MM-HH:MM`; `00:00-24:00` means round the clock,
                  an end earlier than the start means the shop closes after midnight (e.g. `16:00-02:00`).
                - Ids are stable readable strings: `d-…`, `sd-…`, `c-01`, `b-01-001`, `j-000001`, `w-000001`,
                  `cc-01`, `o-00001`, `f-0001`.

                ## Columns

                - `districts.csv`: `id`, `name_zh`, `name_en`.
                - `subdistricts.csv`: `id`, `district_id`, `name_zh`, `name_en`.
                - `communities.csv`: `id`, `subdistrict_id`, `name_zh`, `name_en`, `lat`, `lon` (mean of its buildings),
                  `area_square_meters` (the community's extent), `households` and `residents` (sums over its buildings),
                  `pilot` (all `true` here), `name_source` (`published` | `synthetic`).
                - `buildings.csv`: `id`, `community_id`, `name` (`1号楼`, …), `households`, `residents`
                  (≈ households × 2.4–3.0), `lat`, `lon`. Buildings stand inside compounds, about 10–45 m from a lane.
                - `junctions.csv`: `id`, `lat`, `lon`.
                - `walkways.csv`: `id`, `from_junction_id`, `to_junction_id`, `kind` (`street` | `lane` | `gate`),
                  `length_m`. Straight segments, no duplicates, walkable both ways. `lane` = inside a gated compound,
                  `gate` = the short link from a compound's lane to the street through its gate.
                - `commercial_centers.csv`: `id`, `community_id`, `name`, `new_or_renovated`, `renovated_year`
                  (empty unless new or renovated), `floor_area_m2`, `lat`, `lon`.
                - `outlets.csv`: `id`, `community_id`, `commercial_center_id` (empty for standalone street-front shops),
                  `name`, `category` (catalogue code), `brand` (empty unless a chain), `chain`, `new_or_renovated`,
                  `renovated_year` (empty unless new or renovated), `floor_area_m2`, `opening_hours`, `lat`, `lon`.
                  Street-front shops (沿街商铺) stand 3–14 m off a street (nearer the street than any compound lane);
                  shops in a centre within ~35 m of the centre's point.
                - `facilities.csv`: `id`, `community_id`, `kind`, `name`, `category`, `opening_hours`, `lat`, `lon`.
                  Kinds and categories: `ELDERLY_CARE_CENTER` → `elderly_care`, `CLINIC` → `clinic`,
                  `LIBRARY` → `library`, `COMMUNITY_SERVICE_CENTER` → `community_service`,
                  `WORKER_REST_STATION` → `worker_rest_station` (户外劳动者驿站 / 小蜜蜂加油站),
                  `SMART_LOCKER` → `parcel_point`, `RECYCLING_POINT` → `recycling_point`.

                ## Network

                The walkway graph has %16$d connected components, one per subdistrict cluster; communities of one
                subdistrict share a network, different subdistricts are not connected. Envelope of all coordinates:
                latitude %17$s … %18$s, longitude %19$s … %20$s.

                ## Outlets by category

                | Category | Outlets |
                |---|---:|
                %21$s
                ## Licence

                Synthetic, generated by `scripts/generate-data.sh` with seed %1$d. Like the rest of the project's open
                data, these files are released under the Open Database License (ODbL) 1.0,
                https://opendatacommons.org/licenses/odbl/1-0/ .
                """, seed, s.count(CsvLayout.DISTRICTS), s.count(CsvLayout.SUBDISTRICTS),
                s.count(CsvLayout.COMMUNITIES), s.count(CsvLayout.BUILDINGS), s.count(CsvLayout.JUNCTIONS),
                s.count(CsvLayout.WALKWAYS), s.count(CsvLayout.COMMERCIAL_CENTERS), outlets,
                s.count(CsvLayout.FACILITIES), s.stats().get(DatasetGenerator.STAT_NEW_OUTLETS), s.stats().get(DatasetGenerator.STAT_NEW_CHAIN_OUTLETS),
                chain, String.format(Locale.ROOT, "%.2f", 100.0 * chain / outlets),
                s.stats().get(DatasetGenerator.STAT_NEW_CENTRES), s.components(), s.minLat(), s.maxLat(), s.minLon(),
                s.maxLon(), categories.toString());
    }
}
