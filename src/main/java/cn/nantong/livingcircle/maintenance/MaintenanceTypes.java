package cn.nantong.livingcircle.maintenance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.geo.Crs;
import cn.nantong.livingcircle.place.Place;

/** Inputs and payloads of the maintenance mutations and the change feed. */
final class MaintenanceTypes {

    private MaintenanceTypes() {
    }

    /** A coordinate as the client sent it (the schema's {@code PointInput}). */
    record LocationInput(Double lat, Double lon, Crs crs) {
    }

    /** The schema's {@code NewPlaceInput}; {@code type} is OUTLET or FACILITY. */
    record NewPlaceInput(String id, String type, String name, String category, String facilityKind,
            LocationInput location, String communityId, String brand, Boolean chain, Boolean newOrRenovated,
            Integer renovatedYear, Double floorAreaSquareMeters, String openingHours, String commercialCenterId) {
    }

    /** CREATED, UPDATED or CLOSED, as the change feed says. */
    enum ChangeKind {
        CREATED, UPDATED, CLOSED
    }

    record WalkingEdgeChanges(int created, int updated, int deleted) {
    }

    /**
     * One audit entry.
     *
     * @param changedBy the id of the API key that made the change
     * @param before    the stored place before (null when created), as {@link PlaceMaintenance#stored} maps it
     * @param after     the stored place after (null when closed)
     */
    record PlaceChange(String id, ChangeKind kind, String operation, String placeId, OffsetDateTime changedAt,
            String changedBy, List<String> fields, Map<String, Object> before, Map<String, Object> after,
            String reason, String datasetVersion, WalkingEdgeChanges walkingEdges) {
    }

    /** What a mutation answers: the place as it is now (null once closed) and the audit entry. */
    record PlaceWrite(Place place, PlaceChange change) {
    }
}
