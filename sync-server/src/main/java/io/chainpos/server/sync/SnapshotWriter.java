package io.chainpos.server.sync;

import com.fasterxml.jackson.core.JsonGenerator;
import io.chainpos.model.clock.HybridLogicalClock;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.server.merge.HeadOfficeTill;
import io.chainpos.server.log.SnapshotSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Writes a snapshot as {@code {"next": cursor, "events": [...]}} while the store reads it: stored events as
 * they are, and each carried-forward sum as an event of head office's (an {@code ADJUST} the till merges like
 * any other), so the till rebuilds through the projections it already has. A carried event's id is derived
 * from the cursor, the till and what it carries: the same snapshot gives the same ids.
 */
final class SnapshotWriter implements SnapshotSink {
    private final JsonGenerator json;
    private final EventCodec codec;
    private final TillId requester;
    private final Instant now;
    private long cursor;
    private long carried;
    private int events;

    SnapshotWriter(JsonGenerator json, EventCodec codec, TillId requester, Instant now) {
        this.json = json;
        this.codec = codec;
        this.requester = requester;
        this.now = now.truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void begin(long at) {
        this.cursor = at;
        io(() -> {
            json.writeStartObject();
            json.writeNumberField("next", at);
            json.writeArrayFieldStart("events");
        });
    }

    @Override
    public void event(String body) {
        events++;
        io(() -> json.writeRawValue(body));
    }

    @Override
    public void carried(String what, Event payload) {
        write(what, payload);
    }

    private void write(String what, Event payload) {
        String name = "chainpos snapshot " + cursor + " for " + requester + ": " + what;
        EventId id = new EventId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
        EventEnvelope envelope = new EventEnvelope(id, HeadOfficeTill.STORE, HeadOfficeTill.TILL, HeadOfficeTill.EPOCH,
                ++carried, HybridLogicalClock.of(now.toEpochMilli(), 0), now, payload);
        events++;
        io(() -> json.writeRawValue(codec.toJson(envelope)));
    }

    void end() {
        io(() -> {
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
        });
    }

    int events() {
        return events;
    }

    private interface JsonWrite {
        void run() throws IOException;
    }

    private static void io(JsonWrite write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the snapshot", e);
        }
    }
}
