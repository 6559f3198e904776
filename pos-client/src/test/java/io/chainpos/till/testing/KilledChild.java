package io.chainpos.till.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A till program run as a child JVM on the tests' class path that prints {@code RECEIPT <number>} once each sale
 * has committed, and is killed with SIGKILL at an arbitrary moment: what the power-cut tests drive.
 */
public final class KilledChild {
    private KilledChild() {
    }

    /**
     * Runs {@code main} with {@code args} until it has printed between 1 and {@code maxSales} receipts, waits up to
     * {@code maxExtraNanos} more so the kill lands anywhere in the next sale, kills it and waits for it to end.
     *
     * @return the receipt numbers it printed, each only after its sale committed
     */
    public static List<String> runAndKill(Class<?> main, Path stderr, Random random, int maxSales, int maxExtraNanos,
                                          String... args) throws IOException, InterruptedException {
        // A short-lived child: the first compiler tier only, as the server children run (ChildJvm), so starting takes less CPU.
        List<String> command = new ArrayList<>(List.of(javaBin(), "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        List<String> printed = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = Thread.ofPlatform().start(() -> readReceipts(child, printed));
        int wantSales = 1 + random.nextInt(maxSales);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (printed.size() < wantSales && child.isAlive() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        LockSupport.parkNanos(random.nextInt(maxExtraNanos));
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the killed till ended").isTrue();
        reader.join();
        return List.copyOf(printed);
    }

    private static void readReceipts(Process child, List<String> printed) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("RECEIPT ")) {
                    printed.add(line.substring("RECEIPT ".length()));
                }
            }
        } catch (IOException e) {
            // The pipe breaks when the child is killed; every complete line before that was read.
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
