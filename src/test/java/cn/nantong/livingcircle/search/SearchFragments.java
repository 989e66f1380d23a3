package cn.nantong.livingcircle.search;

/** The search feature's Cypher fragments for CypherDeprecationIT, which lives in another package. */
public final class SearchFragments {

    public static final String CENTER_PROJECTION = SearchRepository.CENTER_PROJECTION;

    private SearchFragments() {
    }
}
