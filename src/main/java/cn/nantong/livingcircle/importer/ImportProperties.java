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
 */
@ConfigurationProperties("circle.import")
public record ImportProperties(@DefaultValue("15s") Duration retiredGrace,
        @DefaultValue("20000") int walkingEdgeBatch) {
}
