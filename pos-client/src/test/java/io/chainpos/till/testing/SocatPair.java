package io.chainpos.till.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Two linked pseudo-terminals made by {@code socat}: a device (printer, scanner, display) is opened on one end
 * by its path, the test talks on the other. Stopping socat removes both ends, as unplugging a USB-serial device
 * removes its port; starting it again brings the same paths back.
 */
public final class SocatPair implements AutoCloseable {
    private final Path testEnd;
    private final Path deviceEnd;
    private final Path log;
    private Process socat;

    public SocatPair(Path dir) {
        this.testEnd = dir.resolve("ttyTest");
        this.deviceEnd = dir.resolve("ttyDevice");
        this.log = dir.resolve("socat.log");
    }

    public Path testEnd() {
        return testEnd;
    }

    /** The path the device under test opens, as it would open /dev/ttyUSB0 or COM3. */
    public String devicePort() {
        return deviceEnd.toString();
    }

    public SocatPair plugIn() throws IOException {
        socat = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + testEnd, "pty,raw,echo=0,link=" + deviceEnd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(testEnd) && Files.exists(deviceEnd));
        return this;
    }

    /** Stops socat, which removes both ends: the device's port is gone, as when its cable is pulled. */
    public void unplug() throws InterruptedException {
        if (socat != null) {
            socat.destroy();
            if (!socat.waitFor(10, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            socat = null;
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(deviceEnd));
    }

    @Override
    public void close() throws InterruptedException {
        unplug();
    }
}
