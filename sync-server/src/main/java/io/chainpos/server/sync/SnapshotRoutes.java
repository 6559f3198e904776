package io.chainpos.server.sync;

import com.fasterxml.jackson.core.JsonGenerator;
import io.chainpos.model.json.EventCodec;
import io.chainpos.server.auth.Access;
import io.chainpos.server.auth.TillPrincipal;
import io.chainpos.server.http.ApiProblem;
import io.chainpos.server.http.Requests;
import io.chainpos.server.http.Routes;
import io.chainpos.server.log.EventLog;
import io.chainpos.server.log.SnapshotQuery;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/sync/snapshot?have=<epoch>:<seq>,...}: the chain's state for a till whose pull cursor
 * is older than the retention period, streamed as {@code {"next", "events"}}. The till replaces what it
 * holds from other tills with these events and pulls from {@code next}. {@code have} lists, per epoch of its
 * own, the highest sequence the till still holds; those events it counts itself.
 *
 * <p>{@code POST /api/v1/sync/snapshots?have=...} writes the same answer once to a gzip file of the
 * {@link SnapshotSpool} and says its id, cursor, length and SHA-256; {@code GET /api/v1/sync/snapshots/{id}}
 * serves that file from the byte a {@code Range: bytes=<from>-} names, so a cut download resumes.
 */
public final class SnapshotRoutes implements Routes {
    private static final int MAX_EPOCHS = 1_000;
    /** How long the answer to a spool request stays silent at most (Jetty closes a connection idle for 30 s). */
    private static final java.time.Duration HEARTBEAT = java.time.Duration.ofSeconds(10);
    private static final java.util.regex.Pattern OPEN_RANGE = java.util.regex.Pattern.compile("bytes=(\\d{1,19})-");
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotRoutes.class);

    private final Access access;
    private final EventLog log;
    private final PullEvents pulls;
    private final EventCodec codec;
    private final SyncMetrics metrics;
    private final Clock clock;
    private final SnapshotSpool spool;

    public SnapshotRoutes(Access access, EventLog log, PullEvents pulls, EventCodec codec, SyncMetrics metrics, Clock clock,
                          SnapshotSpool spool) {
        this.spool = spool;
        this.access = access;
        this.log = log;
        this.pulls = pulls;
        this.codec = codec;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/sync/snapshot", this::snapshot);
        routes.post("/api/v1/sync/snapshots", this::spool);
        routes.get("/api/v1/sync/snapshots/{id}", this::fetch);
    }

    private void spool(Context ctx) throws Exception {
        TillPrincipal till = access.till(ctx);
        SnapshotQuery query = new SnapshotQuery(till.tillId(), till.storeId(), have(ctx.queryParam("have")), pulls.retainedSince());
        long started = System.nanoTime();
        java.util.concurrent.FutureTask<SnapshotSpool.Spooled> writing = new java.util.concurrent.FutureTask<>(
                () -> spool.spool(till.tillId(), out -> {
                    JsonGenerator json = codec.mapper().getFactory().createGenerator(out);
                    SnapshotWriter writer = new SnapshotWriter(json, codec, till.tillId(), clock.instant());
                    long cursor = log.snapshot(query, writer);
                    writer.end();
                    return new SnapshotSpool.Written(cursor, writer.events());
                }));
        Thread.ofVirtual().name("snapshot-spool-" + till.tillId()).start(writing);
        ctx.contentType("application/json");
        SnapshotSpool.Spooled spooled = null;
        while (spooled == null) {
            try {
                spooled = writing.get(HEARTBEAT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // A chain of millions of members takes longer to write than a connection may stay silent: a space,
                // which JSON allows before the answer, keeps it alive (and commits the 200).
                ctx.outputStream().write(' ');
                ctx.outputStream().flush();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        metrics.snapshotServed();
        LOG.atInfo().setMessage("snapshot_spooled").addKeyValue("till", till.tillId()).addKeyValue("id", spooled.id())
                .addKeyValue("cursor", spooled.next()).addKeyValue("events", spooled.events()).addKeyValue("bytes", spooled.length())
                .addKeyValue("ms", (System.nanoTime() - started) / 1_000_000).log();
        ctx.outputStream().write(codec.mapper().writeValueAsBytes(Map.of("id", spooled.id(), "next", spooled.next(),
                "events", spooled.events(), "length", spooled.length(), "sha256", spooled.sha256())));
    }

    private void fetch(Context ctx) throws IOException {
        TillPrincipal till = access.till(ctx);
        SnapshotSpool.Spooled spooled = spool.find(ctx.pathParam("id"), till.tillId()).orElseThrow(() -> gone(ctx.pathParam("id")));
        long length = spooled.length();
        long from = rangeStart(ctx.header("Range"), length);
        try (FileChannel file = FileChannel.open(spooled.file(), StandardOpenOption.READ)) {
            file.position(from);
            ctx.header("Accept-Ranges", "bytes");
            ctx.header("ETag", "\"" + spooled.sha256() + "\"");
            ctx.header("Content-Length", Long.toString(length - from));
            if (from > 0) {
                ctx.status(206);
                ctx.header("Content-Range", "bytes " + from + "-" + (length - 1) + "/" + length);
            }
            // application/gzip: the file is compressed already, and Javalin's compression leaves that type alone.
            ctx.contentType("application/gzip");
            Channels.newInputStream(file).transferTo(ctx.outputStream());
        } catch (NoSuchFileException e) {
            throw gone(spooled.id());
        }
    }

    private static ApiProblem gone(String id) {
        return ApiProblem.notFound("no snapshot " + Requests.abbreviate(id) + " for this till: it is kept for "
                + SnapshotSpool.KEEP.toMinutes() + " minutes on the node that wrote it; ask for a new one");
    }

    /** {@code bytes=<from>-}: where to start; absent or another form of range: from the start (the whole file). */
    static long rangeStart(String range, long length) {
        if (range == null) {
            return 0;
        }
        java.util.regex.Matcher open = OPEN_RANGE.matcher(range.strip());
        if (!open.matches()) {
            return 0;
        }
        long from;
        try {
            from = Long.parseLong(open.group(1));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("the range's start is not a number: " + Requests.abbreviate(range));
        }
        if (from >= length) {
            throw ApiProblem.badRequest("the range starts at " + from + ", the snapshot has " + length + " bytes");
        }
        return from;
    }

    private void snapshot(Context ctx) {
        TillPrincipal till = access.till(ctx);
        Map<Integer, Long> have = have(ctx.queryParam("have"));
        SnapshotQuery query = new SnapshotQuery(till.tillId(), till.storeId(), have, pulls.retainedSince());
        ctx.contentType("application/json");
        long started = System.nanoTime();
        try (JsonGenerator json = codec.mapper().getFactory().createGenerator(ctx.outputStream())) {
            SnapshotWriter writer = new SnapshotWriter(json, codec, till.tillId(), clock.instant());
            long cursor = log.snapshot(query, writer);
            writer.end();
            metrics.snapshotServed();
            LOG.atInfo().setMessage("snapshot_served").addKeyValue("till", till.tillId()).addKeyValue("cursor", cursor)
                    .addKeyValue("events", writer.events())
                    .addKeyValue("ms", (System.nanoTime() - started) / 1_000_000).log();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a snapshot", e);
        }
    }

    /** {@code 1:120,2:7}: epoch 1 held through seq 120, epoch 2 through 7. Absent or empty: nothing held. */
    static Map<Integer, Long> have(String text) {
        Map<Integer, Long> have = new HashMap<>();
        if (text == null || text.isBlank()) {
            return have;
        }
        String[] parts = text.split(",", -1);
        if (parts.length > MAX_EPOCHS) {
            throw ApiProblem.badRequest("have lists more than " + MAX_EPOCHS + " epochs");
        }
        for (String part : parts) {
            String[] pair = part.split(":", -1);
            try {
                if (pair.length != 2) {
                    throw new NumberFormatException();
                }
                int epoch = Integer.parseInt(pair[0].strip());
                long seq = Long.parseLong(pair[1].strip());
                if (epoch < 1 || seq < 0 || have.put(epoch, seq) != null) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("have must be <epoch>:<seq> pairs separated by commas, each epoch once: "
                        + Requests.abbreviate(part));
            }
        }
        return have;
    }
}
