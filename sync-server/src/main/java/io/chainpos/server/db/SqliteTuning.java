package io.chainpos.server.db;

import java.util.List;

/** What the server's SQLite writer sets beyond SQLite's defaults, which suit a small file; the ingest benchmark's raw baseline sets the same. */
public final class SqliteTuning {
    /**
     * A page cache of 64 MiB instead of 2 MiB: the projections touch index pages all over a large file, and with the
     * default they were spilled to the WAL mid-transaction and read back again. A checkpoint every 8,000 WAL pages
     * instead of 1,000: a page the projections change again and again is copied into the file once per checkpoint.
     * Temporary files in memory: a statement of many rows inside a long transaction keeps its own undo journal, which
     * SQLite otherwise spills to a temporary file once past 64 KiB.
     */
    public static final List<String> WRITER_PRAGMAS = List.of("PRAGMA cache_size = -65536", "PRAGMA wal_autocheckpoint = 8000",
            "PRAGMA temp_store = MEMORY");

    /** How often the server's checkpointer copies the WAL into the file, beside the writer. */
    public static final java.time.Duration CHECKPOINT_EVERY = java.time.Duration.ofMillis(250);
    /** The WAL pages past which the server's writer checkpoints itself, the checkpointer having fallen behind. */
    public static final int WRITER_BACKSTOP_PAGES = 32_000;

    private SqliteTuning() {
    }
}
