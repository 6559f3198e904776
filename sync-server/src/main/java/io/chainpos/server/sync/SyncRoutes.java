package io.chainpos.server.sync;

import com.fasterxml.jackson.core.JsonGenerator;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.sync.ApiError;
import io.chainpos.model.sync.SyncHeaders;
import io.chainpos.server.auth.Access;
import io.chainpos.server.auth.TillPrincipal;
import io.chainpos.server.http.ApiProblem;
import io.chainpos.server.http.Requests;
import io.chainpos.server.http.Routes;
import io.chainpos.server.log.IngestResult;
import io.chainpos.server.log.PullPage;
import io.chainpos.model.sync.ApiErrorCode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /api/v1/sync/push} and {@code GET /api/v1/sync/pull}, for enrolled tills. */
public final class SyncRoutes implements Routes {
    public static final int DEFAULT_PULL_LIMIT = 500;
    public static final int MAX_PULL_LIMIT = 1_000;
    /** A reply names this many quarantined events; head office sees them all in /exceptions. */
    private static final int LISTED_CONFLICTS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(SyncRoutes.class);

    private final Access access;
    private final PushEvents push;
    private final HeldPulls pulls;
    private final EventCodec codec;
    private final SyncMetrics metrics;
    private final TillContacts contacts;

    /** Pulls that ask to wait are held on {@code waiters}, woken by what this node's log commits. */
    public SyncRoutes(Access access, PushEvents push, PullEvents pulls, PullWaiters waiters, EventCodec codec, SyncMetrics metrics,
                      TillContacts contacts) {
        this.contacts = contacts;
        this.access = access;
        this.push = push;
        this.pulls = new HeldPulls(pulls, waiters, metrics::wokenRead);
        this.codec = codec;
        this.metrics = metrics;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/sync/push", this::push);
        routes.get("/api/v1/sync/pull", this::pull);
    }

    private void push(Context ctx) {
        long started = System.nanoTime();
        try {
            answerPush(ctx);
        } finally {
            metrics.pushAnswered(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void answerPush(Context ctx) {
        TillPrincipal till = access.till(ctx);
        PushBody body;
        try {
            body = PushBody.parse(codec, ctx.bodyAsBytes());
        } catch (PushBody.TooManyEvents e) {
            throw ApiProblem.tooLarge(e.getMessage());
        }
        PushEvents.Outcome outcome;
        try {
            outcome = push.push(till, body);
        } catch (RuntimeException e) {
            try {
                contacts.pushed(till, ctx.header(SyncHeaders.APP_VERSION), body, false, false);
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        // The contact, and what the push said of the till's ledger, in one write after the push's own.
        boolean stored = outcome instanceof PushEvents.Outcome.Acked || outcome instanceof PushEvents.Outcome.Conflicted;
        contacts.pushed(till, ctx.header(SyncHeaders.APP_VERSION), body, stored,
                stored || outcome instanceof PushEvents.Outcome.Gap);
        switch (outcome) {
            case PushEvents.Outcome.Acked(var response) -> {
                LOG.atDebug().setMessage("push_acked").addKeyValue("till", till.tillId()).addKeyValue("epoch", body.tillEpoch())
                        .addKeyValue("acked_through", response.ackedThrough()).addKeyValue("accepted", response.accepted())
                        .addKeyValue("duplicates", response.duplicates()).log();
                ctx.json(response);
            }
            case PushEvents.Outcome.Conflicted conflicted -> {
                List<IngestResult.Quarantined> quarantined = conflicted.quarantined();
                String ids = quarantined.stream()
                        .limit(LISTED_CONFLICTS)
                        .map(SyncRoutes::describe)
                        .collect(Collectors.joining("; "))
                        + (quarantined.size() > LISTED_CONFLICTS ? "; and " + (quarantined.size() - LISTED_CONFLICTS) + " more" : "");
                LOG.atWarn().setMessage("push_quarantined").addKeyValue("till", till.tillId()).addKeyValue("epoch", body.tillEpoch())
                        .addKeyValue("count", quarantined.size())
                        .addKeyValue("reasons", quarantined.stream().map(q -> q.reason().name()).distinct().toList()).log();
                ctx.status(409).json(new ApiError(ApiErrorCode.CONFLICTING_EVENT.code(),
                        "quarantined for head office, the rest of the batch is stored: " + ids, null, conflicted.ackedThrough()));
            }
            case PushEvents.Outcome.Gap gap -> {
                LOG.atInfo().setMessage("push_gap").addKeyValue("till", till.tillId()).addKeyValue("epoch", body.tillEpoch())
                        .addKeyValue("expected", gap.expectedSeq()).addKeyValue("first_sent", gap.firstSent()).log();
                ctx.status(409).json(new ApiError(ApiErrorCode.SEQUENCE_GAP.code(),
                        "expected tillSeq " + gap.expectedSeq() + " next, the batch starts at " + gap.firstSent()
                                + "; nothing of it was stored", gap.expectedSeq(), gap.ackedThrough()));
            }
            case PushEvents.Outcome.Forbidden(String reason) -> throw ApiProblem.forbidden(reason);
            case PushEvents.Outcome.Invalid(String reason) -> throw ApiProblem.badRequest(reason);
        }
    }

    private void pull(Context ctx) {
        TillPrincipal till = access.till(ctx);
        long after = Requests.longParam(ctx, "after").orElse(0L);
        long limit = Requests.longParam(ctx, "limit").orElse((long) DEFAULT_PULL_LIMIT);
        long wait = Requests.longParam(ctx, "wait").orElse(0L);
        if (after < 0) {
            throw ApiProblem.badRequest("after must be 0 or a server sequence from an earlier pull");
        }
        if (limit < 1) {
            throw ApiProblem.badRequest("limit must be at least 1");
        }
        if (wait < 0) {
            throw ApiProblem.badRequest("wait must be 0 or more seconds");
        }
        Duration held = Duration.ofSeconds(Math.min(wait, HeldPulls.MAX_WAIT.toSeconds()));
        String version = ctx.header(SyncHeaders.APP_VERSION);
        switch (pulls.pull(till, after, (int) Math.min(limit, MAX_PULL_LIMIT), held)) {
            case HeldPulls.Answer.Now(PullEvents.Outcome outcome) -> answer(ctx, till, version, after, outcome);
            case HeldPulls.Answer.Later(var later) -> ctx.future(() -> later.thenAccept(outcome -> outcome.ifPresentOrElse(
                    o -> answer(ctx, till, version, after, o),
                    () -> ctx.contentType("application/json").result(write(new PullPage(List.of(), after, false, after))))));
        }
    }

    private void answer(Context ctx, TillPrincipal till, String version, long after, PullEvents.Outcome outcome) {
        switch (outcome) {
            case PullEvents.Outcome.Page(PullPage page) -> {
                metrics.pulled(till.tillId(), after, page.newest());
                contacts.pulled(till, version, after, page);
                ctx.contentType("application/json").result(write(page));
            }
            case PullEvents.Outcome.SnapshotNeeded needed -> {
                LOG.atInfo().setMessage("pull_snapshot_needed").addKeyValue("till", till.tillId()).addKeyValue("after", after)
                        .addKeyValue("oldest_received", needed.oldest()).log();
                // 410 Gone: the events after this cursor are no longer replayed one by one; take a snapshot.
                ctx.status(410).json(ApiError.of(ApiErrorCode.SNAPSHOT_NEEDED, "the cursor " + after + " is older than the "
                        + needed.retention().toDays() + " days events are replayed for; GET /api/v1/sync/snapshot "
                        + "and pull from the cursor it gives"));
            }
        }
    }

    /** The stored JSON goes out as it is, never decoded and encoded again: unknown events pass unchanged. */
    private byte[] write(PullPage page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = codec.mapper().getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("events");
            for (PullPage.PulledEvent event : page.events()) {
                json.writeRawValue(event.body());
            }
            json.writeEndArray();
            json.writeNumberField("next", page.next());
            json.writeBooleanField("hasMore", page.hasMore());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a pull page", e);
        }
        return out.toByteArray();
    }

    private static String describe(IngestResult.Quarantined quarantined) {
        return quarantined.eventId() + " (" + quarantined.reason() + ": " + quarantined.detail() + ")";
    }
}
