package cn.nantong.livingcircle.importer;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What the importer wrote reads back unchanged through the API: rows of the demo CSV files compared field by field
 * with {@code building}, {@code community} and {@code place}.
 */
@ApplicationIT
class ModelRoundTripIT {

    private static CsvDataset csv;

    @Autowired
    WebGraphQlTester graphQl;

    @BeforeAll
    static void readCsv() {
        Set<String> anyCode = new java.util.HashSet<>();
        try {
            String migration = new String(new DefaultResourceLoader()
                    .getResource("classpath:neo4j/migrations/V0002__Seed_service_categories.cypher")
                    .getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("code: '([a-z_]+)'").matcher(migration);
            while (m.find()) {
                anyCode.add(m.group(1));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        csv = CsvDataset.read(new DefaultResourceLoader(), "classpath:neo4j/data/nantong-demo/", anyCode);
    }

    @Test
    void buildingsReadBackAsImported() {
        for (CsvDataset.BuildingRow row : List.of(csv.buildings().get(0), csv.buildings().get(333),
                csv.buildings().get(csv.buildings().size() - 1))) {
            GraphQlTester.Response response = graphQl.documentName("building").variable("id", row.id()).execute();
            response.path("building.name").entity(String.class).isEqualTo(row.name())
                    .path("building.households").entity(Integer.class).isEqualTo(row.households())
                    .path("building.residents").entity(Integer.class).isEqualTo(row.residents())
                    .path("building.community.id").entity(String.class).isEqualTo(row.communityId());
            assertThat(response.path("building.location.lat").entity(Double.class).get()).isCloseTo(row.lat(), within(1e-9));
            assertThat(response.path("building.location.lon").entity(Double.class).get()).isCloseTo(row.lon(), within(1e-9));
        }
    }

    @Test
    void outletsReadBackAsImported() {
        for (CsvDataset.OutletRow row : csv.outlets().stream()
                .filter(o -> o.centerId() != null || o.newOrRenovated()).limit(5).toList()) {
            GraphQlTester.Response response = graphQl.documentName("place").variable("id", row.id()).execute();
            Map<String, Object> place = response.path("place").entity(Map.class).get();
            assertThat(place).containsEntry("__typename", "Outlet").containsEntry("name", row.name())
                    .containsEntry("brand", row.brand()).containsEntry("chain", row.chain())
                    .containsEntry("newOrRenovated", row.newOrRenovated())
                    .containsEntry("renovatedYear", row.renovatedYear())
                    .containsEntry("openingHours", row.openingHours())
                    .containsEntry("commercialCenterId", row.centerId());
            assertThat(((Map<?, ?>) place.get("category")).get("code")).isEqualTo(row.category());
        }
    }

    @Test
    void facilitiesReadBackAsImported() {
        CsvDataset.FacilityRow row = csv.facilities().get(7);
        graphQl.documentName("place").variable("id", row.id()).execute()
                .path("place.__typename").entity(String.class).isEqualTo("Facility")
                .path("place.kind").entity(String.class).isEqualTo(row.kind().name())
                .path("place.category.code").entity(String.class).isEqualTo(row.category())
                .path("place.name").entity(String.class).isEqualTo(row.name());
    }

    @Test
    void communitiesReadBackAsImported() {
        CsvDataset.CommunityRow row = csv.communities().get(1);
        graphQl.documentName("community").variable("id", row.id()).execute()
                .path("community.name").entity(String.class).isEqualTo(row.nameZh())
                .path("community.pilot").entity(Boolean.class).isEqualTo(row.pilot())
                .path("community.residents").entity(Integer.class).isEqualTo(row.residents())
                .path("community.buildings.totalCount").entity(Integer.class)
                .isEqualTo((int) csv.buildings().stream().filter(b -> b.communityId().equals(row.id())).count());
    }

    @Test
    void buildingAndCommunityLocationsConvertToGcj02OnRequest() {
        CsvDataset.BuildingRow row = csv.buildings().get(10);
        GraphQlTester.Response response = graphQl.documentName("buildingGcj")
                .variable("id", row.id()).execute();
        for (String prefix : List.of("building.", "building.community.")) {
            double lat = response.path(prefix + "wgs.lat").entity(Double.class).get();
            double lon = response.path(prefix + "wgs.lon").entity(Double.class).get();
            var expected = cn.nantong.livingcircle.geo.Crs.GCJ02.fromWgs84(new cn.nantong.livingcircle.api.GeoPoint(lat, lon));
            assertThat(response.path(prefix + "gcj.lat").entity(Double.class).get()).isCloseTo(expected.lat(), within(1e-12));
            assertThat(response.path(prefix + "gcj.lon").entity(Double.class).get()).isCloseTo(expected.lon(), within(1e-12));
            // GCJ-02 is offset by a few hundred metres around Nantong
            assertThat(Math.abs(expected.lon() - lon)).isGreaterThan(0.001);
        }
    }

    @Test
    void unknownIdsReadBackAsNull() {
        graphQl.documentName("place").variable("id", "o-nope").execute().path("place").valueIsNull();
        graphQl.documentName("building").variable("id", "b-nope").execute().path("building").valueIsNull();
        graphQl.documentName("community").variable("id", "c-nope").execute().path("community").valueIsNull();
    }
}
