package cn.nantong.livingcircle.api;

/**
 * A validated {@code first}/{@code after} pair. {@code first} above the cap is an error, not a silent truncation.
 *
 * @param first how many items to return, 0..{@link #MAX_FIRST}
 * @param after the decoded cursor to resume after, or {@code null} for the first page
 */
public record PageRequest(int first, Cursor after) {

    public static final int MAX_FIRST = 100;

    public static PageRequest of(Integer first, String after, int defaultFirst, String cursorKind) {
        int size = first == null ? defaultFirst : first;
        if (size < 0 || size > MAX_FIRST) {
            throw ApiException.outOfRange("first", size, 0, MAX_FIRST);
        }
        return new PageRequest(size, after == null ? null : Cursor.decode(after, cursorKind));
    }

    /** {@code LIMIT} to send: one more than asked for, to learn whether a next page exists. */
    public int limitPlusOne() {
        return first + 1;
    }
}
