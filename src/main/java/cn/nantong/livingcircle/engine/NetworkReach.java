package cn.nantong.livingcircle.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.WalkingSearch;

/**
 * In-memory reachability over the compact {@link CityNetwork}: one bounded Dijkstra from an attachment, then every
 * place on a touched segment within the bound ({@link cn.nantong.livingcircle.engine.PlaceLocator}). Results are
 * ordered by (millimetres, place id), the same order as the precomputed building path, so cursors mean the same.
 *
 * <p>Searches come from the {@link WalkingSearchPool}.
 */
public final class NetworkReach {

    private NetworkReach() {
    }

    /** Every place accepted by {@code placeFilter} within {@code maxMillimetres} of {@code origin}, nearest first. */
    public static List<ReachedPlace> placesWithin(CityNetwork city, Attachment origin, int maxMillimetres,
            IntPredicate placeFilter) {
        WalkingSearch search = city.network().searches().borrow();
        List<ReachedPlace> reached = new ArrayList<>();
        try {
            search.run(origin, maxMillimetres);
            city.places().forEachWithin(search, maxMillimetres, (place, millimetres) -> {
                if (placeFilter.test(place)) {
                    reached.add(new ReachedPlace(city.placeIds()[place],
                            city.categoryCodes()[city.placeCategory()[place]], millimetres));
                }
            });
        } finally {
            city.network().searches().release(search);
        }
        reached.sort(ORDER);
        return reached;
    }

    static final Comparator<ReachedPlace> ORDER = Comparator.comparingInt(ReachedPlace::walkMillimetres)
            .thenComparing(ReachedPlace::placeId);
}
