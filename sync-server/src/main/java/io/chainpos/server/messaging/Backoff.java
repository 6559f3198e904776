package io.chainpos.server.messaging;

import java.time.Duration;

/** How long a message waits before it is tried again: doubling from {@code first} up to {@code longest}, {@code attempts} in all. */
public record Backoff(Duration first, Duration longest, int attempts) {

    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), 10);
    }

    /** The wait after the {@code attempt}-th attempt (1 for the first) failed. */
    public Duration after(int attempt) {
        Duration wait = first;
        for (int i = 1; i < attempt && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    public boolean exhausted(int attempt) {
        return attempt >= attempts;
    }
}
