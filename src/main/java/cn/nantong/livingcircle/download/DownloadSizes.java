package cn.nantong.livingcircle.download;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Sizes of the files streamed whole for the current data version on this replica: a file's size is known only
 * once it has been generated, and knowing it must not mean generating it.
 */
@Component
class DownloadSizes {

    private volatile String version = "";
    private final Map<String, Long> bytes = new ConcurrentHashMap<>();

    void record(String dataVersion, String name, long size) {
        synchronized (this) {
            if (!dataVersion.equals(version)) {
                bytes.clear();
                version = dataVersion;
            }
        }
        bytes.put(name, size);
    }

    Long bytes(String dataVersion, String name) {
        return dataVersion.equals(version) ? bytes.get(name) : null;
    }
}
