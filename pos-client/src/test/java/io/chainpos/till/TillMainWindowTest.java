package io.chainpos.till;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The till program on its screens (JavaFX on Monocle, headless), each in its own JVM as an owner starts it: the window
 * comes up while the ledger opens, and a ledger that cannot be opened closes it again and says why.
 */
class TillMainWindowTest {
    @TempDir
    Path dir;

    @Test
    void theWindowComesUpAndTheLedgerOpensBehindIt() throws Exception {
        Path data = dir.resolve("till");
        Process till = till(data);
        try {
            Path log = dir.resolve("till.err");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(log, StandardCharsets.UTF_8).contains("ui.window.shown") && System.nanoTime() < deadline) {
                assertThat(till.isAlive()).as("the till still runs: %s", Files.readString(log, StandardCharsets.UTF_8)).isTrue();
                Thread.sleep(100);
            }
            assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("ui.window.shown");
            while (!Files.exists(data.resolve("till.db")) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(data.resolve("till.db")).as("the ledger opened").exists();
            Thread.sleep(1_000);
            assertThat(till.isAlive()).as("the window stays up: %s", Files.readString(log, StandardCharsets.UTF_8)).isTrue();
        } finally {
            till.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLedgerThatCannotBeOpenedClosesTheWindowAndSaysSo() throws Exception {
        Path data = dir.resolve("till");
        Files.createDirectories(data);
        Files.write(data.resolve("till.db"), "this is not a SQLite file, it was overwritten".repeat(200).getBytes(StandardCharsets.UTF_8));

        Process till = till(data);

        assertThat(till.waitFor(60, TimeUnit.SECONDS)).as("the till ends by itself").isTrue();
        assertThat(till.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("till.err"), StandardCharsets.UTF_8))
                .contains("Cannot open the till's ledger " + data.resolve("till.db") + " (the log says why).");
    }

    private Process till(Path data) throws IOException {
        // The till's own events at INFO on its standard error, whatever logging set-up the class path carries.
        Path logging = Files.writeString(dir.resolve("logback.xml"), """
                <configuration>
                  <appender name="err" class="ch.qos.logback.core.ConsoleAppender">
                    <target>System.err</target>
                    <encoder><pattern>%logger %msg%n</pattern></encoder>
                  </appender>
                  <logger name="io.chainpos" level="INFO"/>
                  <root level="WARN"><appender-ref ref="err"/></root>
                </configuration>
                """);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dlogback.configurationFile=" + logging, "-Duser.language=en", "-Duser.country=GB", "-cp", System.getProperty("java.class.path"),
                TillMain.class.getName(), "--data", data.toString(), "--key-file", dir.resolve("till.key").toString()));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("till.out").toFile())
                .redirectError(dir.resolve("till.err").toFile()).start();
    }
}
