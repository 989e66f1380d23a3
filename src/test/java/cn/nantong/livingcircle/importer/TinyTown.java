package cn.nantong.livingcircle.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.core.io.ClassPathResource;

/** The tiny test town of {@code src/test/resources/datasets/tiny/}, copied where a test may break it. */
final class TinyTown {

    private TinyTown() {
    }

    /** Copies every file of the dataset layout ({@link CsvLayout#FILES}) into {@code dir}. */
    static void copyTo(Path dir) throws IOException {
        for (CsvLayout<?> file : CsvLayout.FILES) {
            Files.write(dir.resolve(file.fileName()),
                    new ClassPathResource("datasets/tiny/" + file.fileName()).getContentAsByteArray());
        }
    }
}
