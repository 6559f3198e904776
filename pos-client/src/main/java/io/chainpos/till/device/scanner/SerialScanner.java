package io.chainpos.till.device.scanner;

import io.chainpos.till.device.serial.SerialLine;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scanner on a serial port (RS-232, or a USB scanner set to serial emulation). Reads on its own thread and
 * cuts codes at the configured suffix. Unplugged, it says so and tries the port again every
 * {@code reconnectEvery} until the scanner is back, with no one having to restart the till.
 */
public final class SerialScanner implements ScanSource {
    private static final Logger log = LoggerFactory.getLogger(SerialScanner.class);
    private static final Duration READ_WAIT = Duration.ofMillis(200);

    /** Port as the system names it, baud rate, suffix, and how often to look for an unplugged scanner. */
    public record Settings(String port, int baud, ScanSuffix suffix, Duration reconnectEvery) {
        public Settings {
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(suffix, "suffix");
            Objects.requireNonNull(reconnectEvery, "reconnectEvery");
        }
    }

    /** Whether the scanner's port is open, and why not when it is not. */
    public record Connection(boolean connected, String detail) {
    }

    private final Settings settings;
    private final List<Consumer<Connection>> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Connection connection = new Connection(false, "not started");
    private volatile boolean running;
    private Thread reader;

    public SerialScanner(Settings settings) {
        this.settings = settings;
    }

    /** Hears the scanner come and go, on the scanner's thread. */
    public void onConnection(Consumer<Connection> listener) {
        listeners.add(listener);
    }

    public Connection connection() {
        return connection;
    }

    @Override
    public synchronized void start(ScanHandler handler) {
        if (reader != null) {
            throw new IllegalStateException("the serial scanner on " + settings.port() + " is already started");
        }
        running = true;
        reader = new Thread(() -> readUntilClosed(handler), "scanner " + settings.port());
        reader.setDaemon(true);
        reader.start();
    }

    private void readUntilClosed(ScanHandler handler) {
        byte[] buffer = new byte[256];
        while (running) {
            try (SerialLine line = SerialLine.open(settings.port(), settings.baud(), READ_WAIT, READ_WAIT)) {
                changed(new Connection(true, line.name() + " at " + settings.baud() + " baud"));
                ScanFraming framing = new ScanFraming(settings.suffix());
                while (running) {
                    int read = line.read(buffer);
                    for (String code : framing.accept(buffer, read)) {
                        deliver(handler, code);
                    }
                }
            } catch (IOException e) {
                if (connection.connected()) {
                    log.warn("scanner.lost port={} reason={}", settings.port(), e.getMessage());
                }
                changed(new Connection(false, e.getMessage()));
            }
            try {
                if (running && stopped.await(settings.reconnectEvery().toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void deliver(ScanHandler handler, String code) {
        try {
            handler.onScan(new Scan(code, Scan.Source.SERIAL));
        } catch (RuntimeException e) {
            // a bug behind the handler must not stop the scanner; the next scan is delivered as usual
            log.error("scanner.handler.failed port={}", settings.port(), e);
        }
    }

    private void changed(Connection next) {
        Connection previous = connection;
        connection = next;
        if (!next.equals(previous)) {
            if (next.connected()) {
                log.info("scanner.connected port={}", settings.port());
            }
            listeners.forEach(listener -> listener.accept(next));
        }
    }

    @Override
    public void close() {
        Thread thread;
        synchronized (this) {
            running = false;
            stopped.countDown();
            thread = reader;
        }
        if (thread != null) {
            try {
                thread.join(READ_WAIT.multipliedBy(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
