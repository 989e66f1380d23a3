package cn.nantong.livingcircle.place;

/** Kinds of public facility and the service category each one provides. */
public enum FacilityKind {
    ELDERLY_CARE_CENTER("elderly_care"),
    CLINIC("clinic"),
    LIBRARY("library"),
    COMMUNITY_SERVICE_CENTER("community_service"),
    WORKER_REST_STATION("worker_rest_station"),
    SMART_LOCKER("parcel_point"),
    RECYCLING_POINT("recycling_point");

    private final String categoryCode;

    FacilityKind(String categoryCode) {
        this.categoryCode = categoryCode;
    }

    public String categoryCode() {
        return categoryCode;
    }
}
