package io.chainpos.till.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.json.MalformedEventException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A snapshot read as it arrives, {@code {"next": n, "events": [...]}}, from the server's answer or from the file it
 * was downloaded to: events are decoded one at a time, so a chain's worth of members never sits in memory at once.
 */
final class SnapshotJson implements SyncApi.Snapshot {
    /** Reads one event of the array; the rest of the array follows it, so no "trailing token" check. */
    private final ObjectReader oneValue;
    private final Closeable source;
    private final JsonParser json;
    private final EventCodec codec;
    private final long next;

    private SnapshotJson(Closeable source, JsonParser json, EventCodec codec, long next) {
        this.source = source;
        this.json = json;
        this.codec = codec;
        this.next = next;
        this.oneValue = codec.mapper().readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Reads {@code in}, closing {@code source} (what {@code in} comes from) when done or failed. */
    static SnapshotJson open(InputStream in, Closeable source, EventCodec codec) throws IOException {
        try {
            JsonParser json = codec.mapper().getFactory().createParser(in);
            expect(json, JsonToken.START_OBJECT);
            expectField(json, "next");
            if (json.nextToken() != JsonToken.VALUE_NUMBER_INT) {
                throw new IOException("the snapshot's next is not a number");
            }
            long next = json.getLongValue();
            expectField(json, "events");
            expect(json, JsonToken.START_ARRAY);
            return new SnapshotJson(source, json, codec, next);
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e instanceof IOException io ? io : new IOException("the snapshot could not be read: " + e.getMessage(), e);
        }
    }

    private static void expect(JsonParser json, JsonToken token) throws IOException {
        if (json.nextToken() != token) {
            throw new IOException("the snapshot is not what the server sends: expected " + token + " at " + json.currentLocation());
        }
    }

    private static void expectField(JsonParser json, String name) throws IOException {
        if (json.nextToken() != JsonToken.FIELD_NAME || !name.equals(json.currentName())) {
            throw new IOException("the snapshot is not what the server sends: expected field " + name);
        }
    }

    @Override
    public long next() {
        return next;
    }

    @Override
    public Iterator<EventEnvelope> events() {
        return new Iterator<>() {
            private JsonToken token;

            @Override
            public boolean hasNext() {
                try {
                    if (token == null) {
                        token = json.nextToken();
                    }
                    if (token == null) {
                        throw new IOException("the snapshot ended early");
                    }
                    return token != JsonToken.END_ARRAY;
                } catch (IOException e) {
                    throw new UncheckedIOException("the snapshot could not be read to its end", e);
                }
            }

            @Override
            public EventEnvelope next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                token = null;
                try {
                    JsonNode node = oneValue.readValue(json);
                    return codec.fromTree(node);
                } catch (IOException e) {
                    throw new UncheckedIOException("the snapshot could not be read to its end", e);
                } catch (MalformedEventException e) {
                    throw new UncheckedIOException(new IOException("the snapshot holds an unreadable event: " + e.getMessage(), e));
                }
            }
        };
    }

    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                source.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
