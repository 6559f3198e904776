package io.chainpos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.chainpos.server.log.Projection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A projection's tables are its feature's: only the Jdbc* adapters of the projection's own package name them in
 * their SQL. Another feature that needs what they hold asks that feature's port, so a projection can change its
 * tables without a reader elsewhere breaking silently. The dependency rules of {@link ArchitectureTest} cannot
 * see a table named in a string; this reads the adapters' sources.
 */
class ProjectionTablesOwnedTest {
    private static final Path SOURCES = Path.of("src/main/java/io/chainpos/server");
    /** A table named after FROM, JOIN, INTO or UPDATE in SQL text (and DELETE FROM). */
    private static final Pattern TABLE = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE)\\s+([a-z][a-z0-9_]*)\\b");

    private static Map<String, String> ownerPackages() {
        Map<String, String> owners = new HashMap<>();
        for (Projection projection : Ports.projections(io.chainpos.server.web.StoreZones.NONE)) {
            for (String table : projection.tables()) {
                owners.put(table, projection.getClass().getPackageName());
            }
        }
        return owners;
    }

    @Test
    void onlyAProjectionsOwnFeatureNamesItsTablesInSql() throws IOException {
        Map<String, String> owners = ownerPackages();
        List<String> crossings = new ArrayList<>();
        int adapters = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("Jdbc")).toList()) {
                adapters++;
                String pkg = "io.chainpos.server." + SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                Matcher tables = TABLE.matcher(read(file));
                while (tables.find()) {
                    String owner = owners.get(tables.group(1));
                    if (owner != null && !owner.equals(pkg)) {
                        crossings.add(SOURCES.relativize(file) + " names " + tables.group(1) + " (" + owner + "'s)");
                    }
                }
            }
        }
        assertFalse(adapters < 20, "the adapters' sources were not found from " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), crossings.stream().distinct().sorted().toList());
    }

    @Test
    void theRuleSeesATableNamedInAnotherFeaturesSql() {
        Map<String, String> owners = ownerPackages();
        Matcher tables = TABLE.matcher("SELECT d.delta FROM balance_deltas d LEFT JOIN member_aliases a ON a.merged_id = d.member_id");
        List<String> named = new ArrayList<>();
        while (tables.find()) {
            named.add(tables.group(1));
        }
        assertEquals(List.of("balance_deltas", "member_aliases"), named);
        assertEquals("io.chainpos.server.member", owners.get("balance_deltas"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
