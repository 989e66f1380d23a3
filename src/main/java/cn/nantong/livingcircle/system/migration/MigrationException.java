package cn.nantong.livingcircle.system.migration;

/** A migration could not be read or applied, or an applied one was changed afterwards. */
public class MigrationException extends RuntimeException {
    MigrationException(String message) {
        super(message);
    }
}
