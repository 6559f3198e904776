package io.chainpos.server.db;

import java.util.List;

/** What the server's SQLite writer sets beyond SQLite's defaults, which suit a small file; the ingest benchmark's raw baseline sets the same. */
public final class SqliteTuning {
    /**
     * A page cache of 64 MiB instead of 2 MiB: the projections touch index pages all over a large file, and with the
     * default they were spilled to the WAL mid-transaction and read back again. A checkpoint every 8,000 WAL pages
     * instead of 1,000: a page the projections change again and again is copied into the file once per checkpoint.
     */
    public static final List<String> WRITER_PRAGMAS = List.of("PRAGMA cache_size = -65536", "PRAGMA wal_autocheckpoint = 8000");

    private SqliteTuning() {
    }
}
