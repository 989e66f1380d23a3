package cn.nantong.livingcircle.download;

/**
 * One file under {@code /downloads/}.
 *
 * @param name     file name, also the last path segment of its URL
 * @param resource Frictionless resource name (lower case, unique in the data package)
 * @param table    the table it is a rendering of; null for the graph files and the descriptor
 */
record DownloadFile(String name, String resource, DownloadFormat format, String title, String description,
        TableSpec table) {

    String path() {
        return "/downloads/" + name;
    }
}
