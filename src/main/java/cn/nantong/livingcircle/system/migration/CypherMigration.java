package cn.nantong.livingcircle.system.migration;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * One versioned Cypher file, named like neo4j-migrations does: {@code V0001__Create_constraints.cypher}.
 *
 * @param version     the number after {@code V}, ordering the migrations
 * @param description the name part with underscores read as spaces
 * @param source      the file name
 * @param checksum    CRC32 of the file content; a changed checksum of an applied migration is an error
 * @param statements  the statements, split at semicolons that end a line
 */
record CypherMigration(String version, String description, String source, String checksum, List<String> statements) {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.cypher");

    static CypherMigration parse(String fileName, String content) {
        Matcher matcher = NAME.matcher(fileName);
        if (!matcher.matches()) {
            throw new MigrationException("Migration file name must look like V0001__Description.cypher: " + fileName);
        }
        CRC32 crc = new CRC32();
        crc.update(content.getBytes(StandardCharsets.UTF_8));
        return new CypherMigration(matcher.group(1), matcher.group(2).replace('_', ' '), fileName,
                Long.toString(crc.getValue()), splitStatements(content));
    }

    int versionNumber() {
        return Integer.parseInt(version);
    }

    /** Splits at a semicolon that ends a line; full-line {@code //} comments are dropped. */
    static List<String> splitStatements(String content) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : content.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("//") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
