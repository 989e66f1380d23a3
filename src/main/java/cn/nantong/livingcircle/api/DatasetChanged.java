package cn.nantong.livingcircle.api;

/**
 * Published on this replica when a write that changes the dataset version has committed (an import, a maintenance
 * write), so that what keeps the version in memory drops it at once instead of when its memo expires.
 */
public record DatasetChanged() {
}
