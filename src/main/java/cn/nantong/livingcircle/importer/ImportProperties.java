package cn.nantong.livingcircle.importer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the CSV dataset import writes a new generation.
 *
 * @param retiredGrace     how long the replaced generation stays in the graph after the switch before it is
 *                         deleted: at least the dataset cache's refresh (5 s), so a replica that has not yet noticed
 *                         the switch still finds the generation it reads
 * @param walkingEdgeBatch walking edges per write transaction: bounds the transaction's memory whatever the
 *                         dataset's size
 * @param writers          sessions writing the walking edges at once, each over its own share of the buildings
 */
@ConfigurationProperties("circle.import")
public record ImportProperties(@DefaultValue("15s") Duration retiredGrace,
        @DefaultValue("20000") int walkingEdgeBatch, @DefaultValue("2") int writers) {

    public ImportProperties {
        if (walkingEdgeBatch < 1 || writers < 1) {
            throw new IllegalArgumentException("circle.import.walking-edge-batch and circle.import.writers must be "
                    + "at least 1");
        }
    }
}
