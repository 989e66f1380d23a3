package cn.nantong.livingcircle.search;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import cn.nantong.livingcircle.api.Connection;
import cn.nantong.livingcircle.api.GeoPoint;
import cn.nantong.livingcircle.community.Building;
import cn.nantong.livingcircle.community.Community;
import cn.nantong.livingcircle.community.CommunityRepository;
import cn.nantong.livingcircle.geo.Crs;
import cn.nantong.livingcircle.place.Facility;
import cn.nantong.livingcircle.place.Outlet;
import cn.nantong.livingcircle.search.SearchTypes.BuildingFilter;
import cn.nantong.livingcircle.search.SearchTypes.CommercialCenter;
import cn.nantong.livingcircle.search.SearchTypes.CommercialCenterFilter;
import cn.nantong.livingcircle.search.SearchTypes.PlaceAggregate;
import cn.nantong.livingcircle.search.SearchTypes.PlaceConnection;
import cn.nantong.livingcircle.search.SearchTypes.PlaceOrder;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Place search, commercial centres and building search. Parent-to-child fields are batched: a place's community
 * through one data loader shared by outlets and facilities (one query for the page's community ids, one for the
 * communities), an outlet's centre, a centre's community and its outlets with {@code @BatchMapping}.
 */
@Controller
class SearchController {

    private final SearchService search;
    private final SearchRepository repository;
    private final CommunityRepository communities;

    SearchController(SearchService search, SearchRepository repository, CommunityRepository communities,
            BatchLoaderRegistry registry) {
        this.search = search;
        this.repository = repository;
        this.communities = communities;
        registry.<String, Community>forName("placeCommunity")
                .registerMappedBatchLoader((placeIds, env) -> Mono.fromCallable(() -> communitiesOfPlaces(placeIds)));
    }

    @QueryMapping
    PlaceConnection places(@Argument PlaceFilter filter, @Argument PlaceOrder orderBy,
            @Argument PlaceFilter.Point orderFrom, @Argument Integer first, @Argument String after,
            @Argument java.time.OffsetDateTime openAt) {
        return search.places(filter, orderBy, orderFrom, first, after, openAt);
    }

    @SchemaMapping(typeName = "PlaceConnection")
    PlaceAggregate aggregate(PlaceConnection connection) {
        return search.aggregate(connection);
    }

    @QueryMapping
    Connection<CommercialCenter> commercialCenters(@Argument CommercialCenterFilter filter, @Argument Integer first,
            @Argument String after) {
        return search.centers(filter, first, after);
    }

    @QueryMapping
    Connection<Building> buildings(@Argument BuildingFilter filter, @Argument Integer first, @Argument String after) {
        return search.buildings(filter, first, after);
    }

    @SchemaMapping(typeName = "Outlet", field = "community")
    CompletableFuture<Community> outletCommunity(Outlet outlet, DataLoader<String, Community> placeCommunity) {
        return placeCommunity.load(outlet.id());
    }

    @SchemaMapping(typeName = "Facility", field = "community")
    CompletableFuture<Community> facilityCommunity(Facility facility, DataLoader<String, Community> placeCommunity) {
        return placeCommunity.load(facility.id());
    }

    @BatchMapping(typeName = "Outlet", field = "commercialCenter")
    Map<Outlet, CommercialCenter> commercialCenter(List<Outlet> outlets) {
        Set<String> ids = outlets.stream().map(Outlet::commercialCenterId).filter(id -> id != null)
                .collect(Collectors.toSet());
        Map<String, CommercialCenter> byId = ids.isEmpty() ? Map.of() : repository.centersByIds(ids);
        Map<Outlet, CommercialCenter> result = new HashMap<>();
        for (Outlet outlet : outlets) {
            if (outlet.commercialCenterId() != null && byId.containsKey(outlet.commercialCenterId())) {
                result.put(outlet, byId.get(outlet.commercialCenterId()));
            }
        }
        return result;
    }

    @BatchMapping(typeName = "CommercialCenter", field = "community")
    Map<CommercialCenter, Community> centerCommunity(List<CommercialCenter> centers) {
        Map<String, Community> byId = communities.findCommunities(centers.stream()
                .map(CommercialCenter::communityId).filter(id -> id != null).collect(Collectors.toSet()));
        Map<CommercialCenter, Community> result = new HashMap<>();
        for (CommercialCenter center : centers) {
            if (center.communityId() != null && byId.containsKey(center.communityId())) {
                result.put(center, byId.get(center.communityId()));
            }
        }
        return result;
    }

    @BatchMapping(typeName = "CommercialCenter", field = "outlets")
    Map<CommercialCenter, List<Outlet>> outlets(List<CommercialCenter> centers) {
        Map<String, List<Outlet>> byId = repository.outletsOfCenters(
                centers.stream().map(CommercialCenter::id).collect(Collectors.toSet()));
        Map<CommercialCenter, List<Outlet>> result = new HashMap<>();
        for (CommercialCenter center : centers) {
            result.put(center, byId.getOrDefault(center.id(), List.of()));
        }
        return result;
    }

    @SchemaMapping(typeName = "CommercialCenter", field = "location")
    GeoPoint centerLocation(CommercialCenter center, @Argument Crs crs) {
        return center.location() == null ? null : Crs.orDefault(crs).fromWgs84(center.location());
    }

    private Map<String, Community> communitiesOfPlaces(Collection<String> placeIds) {
        Map<String, String> communityOf = repository.communityIdsOfPlaces(placeIds);
        Map<String, Community> byId = communities.findCommunities(new HashSet<>(communityOf.values()));
        Map<String, Community> result = new HashMap<>();
        communityOf.forEach((place, community) -> {
            if (byId.containsKey(community)) {
                result.put(place, byId.get(community));
            }
        });
        return result;
    }
}
