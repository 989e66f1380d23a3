package cn.nantong.livingcircle.download;

/** The file formats of the bulk downloads; the GraphQL enum of the same name. */
enum DownloadFormat {
    CSV("text/csv; charset=UTF-8; header=present"),
    GEOJSON("application/geo+json"),
    GRAPHML("application/graphml+xml; charset=UTF-8"),
    NEO4J_IMPORT_CSV("text/csv; charset=UTF-8; header=present"),
    DATAPACKAGE("application/json");

    private final String mediaType;

    DownloadFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    String mediaType() {
        return mediaType;
    }
}
