package cn.nantong.livingcircle.maintenance;

/** The change feed's Cypher fragment, for the test that EXPLAINs every statement of the application. */
public final class PlaceChangeFragments {

    public static final String CHANGE_PROJECTION = PlaceChangeRepository.CHANGE_PROJECTION;

    private PlaceChangeFragments() {
    }
}
