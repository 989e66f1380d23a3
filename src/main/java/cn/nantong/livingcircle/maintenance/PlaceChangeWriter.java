package cn.nantong.livingcircle.maintenance;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import cn.nantong.livingcircle.maintenance.MaintenanceTypes.ChangeKind;
import cn.nantong.livingcircle.maintenance.MaintenanceTypes.WalkingEdgeChanges;
import cn.nantong.livingcircle.system.CypherBatches;
import org.neo4j.driver.SimpleQueryRunner;

/**
 * The one writer of {@code (:PlaceChange)}, the audit trail of maintenance writes, in the transaction of the write
 * it records: the entry exists exactly when the change does. The time is the transaction's, to the millisecond
 * (the change feed's cursor), at offset +00:00 rather than the named zone UTC, which Neo4j orders apart from the
 * same instant at offset Z (the parameters' zone).
 */
final class PlaceChangeWriter {

    /** One entry; {@code before} and {@code after} are JSON text of the stored place (null when absent). */
    record ChangeRow(String id, ChangeKind kind, String operation, String placeId, String changedBy,
            List<String> fields, String before, String after, String reason, String datasetVersion,
            WalkingEdgeChanges walkingEdges) {
    }

    private PlaceChangeWriter() {
    }

    /** Writes the entry; returns the time it carries. */
    static OffsetDateTime create(SimpleQueryRunner tx, ChangeRow row) {
        return tx.run("""
                CREATE (c:PlaceChange {id: $id, kind: $kind, operation: $operation, placeId: $placeId,
                    changedAt: datetime.truncate('millisecond', datetime.transaction('+00:00')), changedBy: $changedBy,
                    fields: $fields, before: $before, after: $after, reason: $reason,
                    datasetVersion: $datasetVersion, walkingEdgesCreated: $created,
                    walkingEdgesUpdated: $updated, walkingEdgesDeleted: $deleted})
                RETURN c.changedAt AS changedAt
                """, CypherBatches.row("id", row.id(), "kind", row.kind().name(), "operation", row.operation(),
                "placeId", row.placeId(), "changedBy", row.changedBy(), "fields", row.fields(), "before",
                row.before(), "after", row.after(), "reason", row.reason(), "datasetVersion", row.datasetVersion(),
                "created", row.walkingEdges().created(), "updated", row.walkingEdges().updated(), "deleted",
                row.walkingEdges().deleted()))
                .single().get("changedAt").asZonedDateTime().toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
    }
}
