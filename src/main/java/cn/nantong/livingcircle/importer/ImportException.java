package cn.nantong.livingcircle.importer;

/**
 * An import stopped on bad input. The message names the file and the position (line, column) so the data can be
 * fixed; nothing of the import has been written when this is thrown.
 */
public class ImportException extends RuntimeException {

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }

    static ImportException at(String file, long line, String message) {
        return new ImportException(file + ":" + line + ": " + message);
    }
}
