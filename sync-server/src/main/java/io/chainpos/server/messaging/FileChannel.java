package io.chainpos.server.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The demo's channel: appends each message as one JSON line to a file, so the messages can be read without a gateway. */
public final class FileChannel implements MessageChannel {
    private final Path file;

    public FileChannel(Path file) {
        this.file = file;
    }

    @Override
    public synchronized Delivery deliver(Outgoing message) {
        try {
            Files.writeString(file, Payloads.json(message) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            return new Delivered();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
