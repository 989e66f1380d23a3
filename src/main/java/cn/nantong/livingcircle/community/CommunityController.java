package cn.nantong.livingcircle.community;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import cn.nantong.livingcircle.api.Connection;
import cn.nantong.livingcircle.api.Cursor;
import cn.nantong.livingcircle.api.GeoPoint;
import cn.nantong.livingcircle.api.PageRequest;
import cn.nantong.livingcircle.geo.Crs;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Communities and buildings. Parent-to-child fields are batched: {@code Building.community} with
 * {@code @BatchMapping}, and {@code Community.buildings(first, after)} — which has arguments, so it cannot be a
 * plain batch mapping — through a data loader keyed by (community, page), one query per distinct page request.
 */
@Controller
class CommunityController {

    static final String BUILDING_CURSOR = "building";
    private static final int DEFAULT_BUILDINGS = 50;

    private final CommunityRepository repository;

    CommunityController(CommunityRepository repository, BatchLoaderRegistry registry) {
        this.repository = repository;
        registry.<BuildingPageKey, Connection<Building>>forName("communityBuildings")
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> loadBuildingPages(keys)));
    }

    @QueryMapping
    Building building(@Argument String id) {
        return repository.findBuilding(id).orElse(null);
    }

    @QueryMapping
    Community community(@Argument String id) {
        return repository.findCommunity(id).orElse(null);
    }

    @SchemaMapping(typeName = "Building", field = "location")
    GeoPoint buildingLocation(Building building, @Argument Crs crs) {
        return building.location() == null ? null : Crs.orDefault(crs).fromWgs84(building.location());
    }

    @SchemaMapping(typeName = "Community", field = "location")
    GeoPoint communityLocation(Community community, @Argument Crs crs) {
        return community.location() == null ? null : Crs.orDefault(crs).fromWgs84(community.location());
    }

    @BatchMapping
    Map<Building, Community> community(List<Building> buildings) {
        Map<String, Community> byId = repository.findCommunities(
                buildings.stream().map(Building::communityId).collect(Collectors.toSet()));
        Map<Building, Community> result = new HashMap<>();
        for (Building building : buildings) {
            result.put(building, byId.get(building.communityId()));
        }
        return result;
    }

    @SchemaMapping
    CompletableFuture<Connection<Building>> buildings(Community community, @Argument Integer first,
            @Argument String after, DataLoader<BuildingPageKey, Connection<Building>> communityBuildings) {
        PageRequest page = PageRequest.of(first, after, DEFAULT_BUILDINGS, BUILDING_CURSOR);
        return communityBuildings.load(new BuildingPageKey(community.id(), page));
    }

    private Map<BuildingPageKey, Connection<Building>> loadBuildingPages(Set<BuildingPageKey> keys) {
        Map<BuildingPageKey, Connection<Building>> result = new HashMap<>();
        Map<PageRequest, List<BuildingPageKey>> byPage = keys.stream()
                .collect(Collectors.groupingBy(BuildingPageKey::page));
        byPage.forEach((page, pageKeys) -> {
            Map<String, CommunityRepository.BuildingPage> pages = repository.pageBuildings(
                    pageKeys.stream().map(BuildingPageKey::communityId).toList(),
                    page.after() == null ? null : page.after().id(), page.limitPlusOne());
            for (BuildingPageKey key : pageKeys) {
                CommunityRepository.BuildingPage found = pages.get(key.communityId());
                result.put(key, found == null
                        ? Connection.fromRows(List.of(), page, b -> "", 0)
                        : Connection.fromRows(found.buildings(), page,
                                b -> Cursor.encode(BUILDING_CURSOR, 0, b.id()), found.totalCount()));
            }
        });
        return result;
    }

    /** One requested page of one community's buildings. */
    record BuildingPageKey(String communityId, PageRequest page) {
    }
}
