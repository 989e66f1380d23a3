package cn.nantong.livingcircle.download;

import java.util.List;

import cn.nantong.livingcircle.dataset.DatasetInfo;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code dataset { downloads }}: the catalogue of bulk files, from memory (no database work). */
@Controller
class DownloadLinksController {

    private final DownloadCatalog catalog;
    private final DownloadSizes sizes;

    DownloadLinksController(DownloadCatalog catalog, DownloadSizes sizes) {
        this.catalog = catalog;
        this.sizes = sizes;
    }

    @SchemaMapping(typeName = "Dataset", field = "downloads")
    List<DownloadLink> downloads(DatasetInfo dataset) {
        return catalog.files().stream().map(f -> new DownloadLink(f.name(), f.title(), f.description(), f.format(),
                f.format().mediaType(), f.path(), sizes.bytes(dataset.version(), f.name()),
                DownloadCatalog.points(f, dataset))).toList();
    }

    /** One entry of {@code Dataset.downloads}. */
    record DownloadLink(String name, String title, String description, DownloadFormat format, String mediaType,
            String url, Long bytes, long points) {
    }
}
