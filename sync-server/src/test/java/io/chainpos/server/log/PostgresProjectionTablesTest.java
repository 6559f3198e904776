package io.chainpos.server.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.server.db.Storage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresProjectionTablesTest extends ProjectionTablesContract {
    @Override
    protected Storage open(Path dir) {
        return PostgresStores.open(dir);
    }

    @Override
    protected String catalogueQuery() {
        // A partition of the event log (V250) is part of its table, not a table of its own.
        return "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                + " AND table_name NOT IN (SELECT relname FROM pg_class WHERE relispartition)";
    }

    /**
     * Every column holding a member id compares byte by byte: a join between two collations cannot use the index of the
     * side in the other one (V251: the chain's member report read the member table once a member).
     */
    @Test
    void memberIdsCompareInOneCollation() {
        try (Storage storage = open(dir)) {
            List<String> columns = storage.database().read(h -> h.createQuery("""
                    SELECT c.table_name || '.' || c.column_name || ' ' || COALESCE(c.collation_name, 'the database''s default')
                    FROM information_schema.columns c
                    WHERE c.table_schema = current_schema() AND c.data_type = 'text'
                      AND (c.column_name LIKE '%member_id' OR c.column_name IN ('merged_id', 'survivor_id'))
                      AND c.table_name NOT IN (SELECT relname FROM pg_class WHERE relispartition)
                    ORDER BY 1""").mapTo(String.class).list());

            assertThat(columns).hasSizeGreaterThan(20).allSatisfy(column -> assertThat(column).endsWith(" C"));
        }
    }
}
