package cn.nantong.livingcircle.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A Relay cursor connection page with the total size of the result set.
 *
 * @param totalCount all items matching the query, not only this page
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {

    /** One item and the opaque cursor that resumes after it. */
    public record Edge<T>(String cursor, T node) {
    }

    /** Relay page info; {@code hasPreviousPage} is true when the page was requested with an {@code after} cursor. */
    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /** The same page with every node transformed; cursors and counts are kept. */
    public <R> Connection<R> map(Function<T, R> mapper) {
        List<Edge<R>> mapped = new ArrayList<>(edges.size());
        for (Edge<T> edge : edges) {
            mapped.add(new Edge<>(edge.cursor(), mapper.apply(edge.node())));
        }
        return new Connection<>(List.copyOf(mapped), pageInfo, totalCount);
    }

    /**
     * Builds a page from rows fetched with {@code LIMIT first + 1}: the extra row only tells that a next page exists.
     */
    public static <T> Connection<T> fromRows(List<T> rowsPlusOne, PageRequest page, Function<T, String> cursor,
            int totalCount) {
        boolean hasNext = rowsPlusOne.size() > page.first();
        List<T> rows = hasNext ? rowsPlusOne.subList(0, page.first()) : rowsPlusOne;
        List<Edge<T>> edges = new ArrayList<>(rows.size());
        for (T row : rows) {
            edges.add(new Edge<>(cursor.apply(row), row));
        }
        PageInfo info = new PageInfo(hasNext, page.after() != null,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new Connection<>(List.copyOf(edges), info, totalCount);
    }
}
