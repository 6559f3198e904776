package io.chainpos.till.sync;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The till's sync status as something a screen can watch: the current {@link SyncStatus}, and listeners told
 * of every change. Plain Java so the counter's view-model adapts it to JavaFX properties; listeners run on
 * whatever thread made the change (the sync agent's, or the one that committed a sale), so a view-model
 * hands them to the UI thread itself.
 */
public final class SyncState {
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private SyncStatus current;

    public SyncState(SyncStatus initial) {
        this.current = Objects.requireNonNull(initial, "initial");
    }

    public synchronized SyncStatus current() {
        return current;
    }

    /** Tells {@code listener} the current status at once, then every change until the subscription is closed. */
    public Subscription subscribe(Consumer<SyncStatus> listener) {
        SyncStatus now;
        synchronized (this) {
            listeners.add(listener);
            now = current;
        }
        listener.accept(now);
        return () -> listeners.remove(listener);
    }

    /** Applies {@code change}; listeners hear of it only when the status really changed. */
    void update(UnaryOperator<SyncStatus> change) {
        SyncStatus changed;
        synchronized (this) {
            SyncStatus next = change.apply(current);
            if (next.equals(current)) {
                return;
            }
            current = next;
            changed = next;
        }
        listeners.forEach(listener -> listener.accept(changed));
    }

    /** Stops a listener hearing of changes. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
