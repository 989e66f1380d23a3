package cn.nantong.livingcircle.importer.osm;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

import cn.nantong.livingcircle.importer.ImportException;
import crosby.binary.file.BlockInputStream;
import crosby.binary.file.BlockReaderAdapter;
import crosby.binary.file.FileBlock;
import crosby.binary.file.FileBlockPosition;
import crosby.binary.osmosis.OsmosisBinaryParser;
import org.openstreetmap.osmosis.core.OsmosisRuntimeException;
import org.openstreetmap.osmosis.core.container.v0_6.EntityContainer;
import org.openstreetmap.osmosis.core.domain.v0_6.Entity;
import org.openstreetmap.osmosis.core.domain.v0_6.Node;
import org.openstreetmap.osmosis.core.domain.v0_6.Relation;
import org.openstreetmap.osmosis.core.domain.v0_6.Tag;
import org.openstreetmap.osmosis.core.domain.v0_6.Way;
import org.openstreetmap.osmosis.core.domain.v0_6.WayNode;
import org.openstreetmap.osmosis.core.task.v0_6.Sink;
import org.openstreetmap.osmosis.xml.common.CompressionActivator;
import org.openstreetmap.osmosis.xml.common.CompressionMethod;
import org.openstreetmap.osmosis.xml.common.SaxParserFactory;
import org.openstreetmap.osmosis.xml.v0_6.impl.OsmHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an OSM file into an {@link OsmExtract} with osmosis: {@code .osm.pbf} (any name ending in {@code .pbf}) through
 * osmosis-pbf's block reader and {@code OsmosisBinaryParser}; anything else as OSM XML through osmosis-xml's SAX
 * {@code OsmHandler}, gzip or bzip2 compression detected from the file's first bytes rather than its name.
 *
 * <p>The osmosis readers are driven directly instead of through {@code XmlReader}/{@code OsmosisReader} for two
 * reasons: {@code XmlReader} retries a file that fails to parse as gzip and then reports only the gzip error (the
 * line and column of the real XML error are lost), and {@code BlockInputStream} treats an end of file in the middle
 * of a block as a normal end, so a truncated PBF would import silently. Here a counting stream gives the byte
 * position of the last complete block, and the file must end exactly there.
 *
 * <p>Errors are {@link ImportException}s naming the file and the position (line and column for XML, byte offset
 * and block number for PBF).
 */
final class OsmFileReader {

    private static final long PROGRESS_EVERY = 500_000;

    private OsmFileReader() {
    }

    static OsmExtract read(Path file, LongConsumer progress) {
        if (!Files.isRegularFile(file)) {
            throw new ImportException(file + ": file not found");
        }
        OsmExtract.Collector collector = new OsmExtract.Collector();
        CollectingSink sink = new CollectingSink(collector, progress);
        String name = file.getFileName().toString();
        if (name.endsWith(".pbf")) {
            readPbf(file, sink);
        } else {
            readXml(file, sink);
        }
        OsmExtract extract = collector.build(name);
        if (extract.nodeCount() == 0) {
            throw new ImportException(file + ": contains no OSM nodes; is it an OSM file?");
        }
        return extract;
    }

    private static void readXml(Path file, Sink sink) {
        CountingInputStream counting = null;
        LocatingHandler handler = new LocatingHandler(sink);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            counting = new CountingInputStream(decompress(raw));
            SaxParserFactory.createParser().parse(counting, handler);
        } catch (SAXParseException e) {
            throw new ImportException(file + ": line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    + ": not valid OSM XML: " + e.getMessage(), e);
        } catch (SAXException | OsmosisRuntimeException e) {
            throw new ImportException(file + ": line " + handler.line() + ", column " + handler.column()
                    + ": not valid OSM XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ImportException(file + ": cannot be read (at uncompressed byte " + position(counting) + "): "
                    + e, e);
        }
    }

    /** osmosis' handler, remembering the parser's position for errors osmosis raises itself (missing attributes). */
    private static final class LocatingHandler extends OsmHandler {
        private Locator locator;

        LocatingHandler(Sink sink) {
            super(sink, false);
        }

        @Override
        public void setDocumentLocator(Locator documentLocator) {
            this.locator = documentLocator;
            super.setDocumentLocator(documentLocator);
        }

        int line() {
            return locator == null ? 0 : locator.getLineNumber();
        }

        int column() {
            return locator == null ? 0 : locator.getColumnNumber();
        }
    }

    /** Wraps gzip or bzip2 content, recognised by its magic bytes, in the matching decompressor. */
    private static InputStream decompress(InputStream in) throws IOException {
        in.mark(3);
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new GZIPInputStream(in, 1 << 16);
        }
        if (b0 == 'B' && b1 == 'Z' && b2 == 'h') {
            return new CompressionActivator(CompressionMethod.BZip2).createCompressionInputStream(in);
        }
        return in;
    }

    private static void readPbf(Path file, Sink sink) {
        long size;
        OsmosisBinaryParser parser = new OsmosisBinaryParser();
        parser.setSink(sink);
        BlockTracker tracker = new BlockTracker(parser);
        CountingInputStream counting = null;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            size = Files.size(file);
            counting = new CountingInputStream(raw);
            tracker.counting = counting;
            new BlockInputStream(counting, tracker).process();
        } catch (IOException | RuntimeException e) {
            throw new ImportException(file + ": not a valid OSM PBF file: error in block " + (tracker.blocks + 1)
                    + " starting at byte " + tracker.lastBlockEnd + " (read up to byte " + position(counting) + "): "
                    + e.getMessage(), e);
        }
        if (tracker.lastBlockEnd != size) {
            throw new ImportException(file + ": truncated OSM PBF file: the last complete block (" + tracker.blocks
                    + ") ends at byte " + tracker.lastBlockEnd + " of " + size);
        }
    }

    private static long position(CountingInputStream counting) {
        return counting == null ? 0 : counting.count;
    }

    /** Records where the last fully read block ended, since osmosis ends silently on a truncated block. */
    private static final class BlockTracker implements BlockReaderAdapter {
        private final OsmosisBinaryParser parser;
        CountingInputStream counting;
        long lastBlockEnd;
        int blocks;

        BlockTracker(OsmosisBinaryParser parser) {
            this.parser = parser;
        }

        @Override
        public boolean skipBlock(FileBlockPosition block) {
            return parser.skipBlock(block);
        }

        @Override
        public void handleBlock(FileBlock block) {
            parser.handleBlock(block);
            blocks++;
            lastBlockEnd = counting.count;
        }

        @Override
        public void complete() {
            parser.complete();
        }
    }

    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** Copies what the import needs out of osmosis' entities (which are mutable and heavy) as they stream by. */
    private static final class CollectingSink implements Sink {
        private final OsmExtract.Collector collector;
        private final LongConsumer progress;

        CollectingSink(OsmExtract.Collector collector, LongConsumer progress) {
            this.collector = collector;
            this.progress = progress;
        }

        @Override
        public void initialize(Map<String, Object> metaData) {
        }

        @Override
        public void process(EntityContainer container) {
            Entity entity = container.getEntity();
            if (entity instanceof Node node) {
                collector.node(node.getId(), node.getLatitude(), node.getLongitude(), tags(node));
            } else if (entity instanceof Way way) {
                long[] refs = way.getWayNodes().stream().mapToLong(WayNode::getNodeId).toArray();
                collector.way(way.getId(), refs, tags(way));
            } else if (entity instanceof Relation) {
                collector.relation();
            } else {
                return; // bounds
            }
            if (collector.elements() % PROGRESS_EVERY == 0) {
                progress.accept(collector.elements());
            }
        }

        private static Map<String, String> tags(Entity entity) {
            if (entity.getTags().isEmpty()) {
                return Map.of();
            }
            Map<String, String> tags = new HashMap<>(entity.getTags().size() * 2);
            for (Tag tag : entity.getTags()) {
                tags.put(tag.getKey(), tag.getValue());
            }
            return tags;
        }

        @Override
        public void complete() {
        }

        @Override
        public void close() {
        }
    }
}
