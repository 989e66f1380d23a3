package cn.nantong.livingcircle.download;

/**
 * One column of a table download, as the data package describes it.
 *
 * @param type a Frictionless Table Schema type: {@code string}, {@code integer}, {@code number}, {@code boolean}
 */
record Column(String name, String type, String description) {

    static Column string(String name, String description) {
        return new Column(name, "string", description);
    }

    static Column integer(String name, String description) {
        return new Column(name, "integer", description);
    }

    static Column number(String name, String description) {
        return new Column(name, "number", description);
    }

    static Column bool(String name, String description) {
        return new Column(name, "boolean", description);
    }
}
