package io.chainpos.bench.sync;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The server side of {@link HeldPullHarness}, in a JVM of its own so that the memory and CPU it reports are the
 * server's alone: the real server on loopback, {@code stores} × {@code tills} tills enrolled over HTTP (their
 * tokens printed), then on each {@code measure} line from the harness one line of figures.
 */
public final class HeldPullServer {
    private HeldPullServer() {
    }

    public static void main(String[] args) throws IOException {
        int stores = Integer.parseInt(args[0]);
        int tillsPerStore = Integer.parseInt(args[1]);
        String database = args.length > 2 ? args[2] : "sqlite";
        try (BenchServer server = new BenchServer(database)) {
            for (int s = 1; s <= stores; s++) {
                String store = "S%05d".formatted(s);
                for (int t = 1; t <= tillsPerStore; t++) {
                    String till = store + "-T" + t;
                    System.out.println("till " + store + " " + till + " " + server.enroll(store, till));
                }
            }
            System.out.println("ready " + server.uri("/").getPort());
            System.out.flush();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String command;
            while ((command = commands.readLine()) != null && !command.equals("stop")) {
                if (command.equals("measure")) {
                    System.out.println(measure());
                    System.out.flush();
                }
            }
        }
    }

    /** Heap in use after a full collection, the process's CPU time so far, its live threads and resident memory. */
    private static String measure() throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        long heap = memory.getHeapMemoryUsage().getUsed();
        long cpu = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        long rssKb = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
        return String.format(Locale.ROOT, "measured %d %d %d %d %d", System.nanoTime(), heap, cpu, threads, rssKb * 1024);
    }
}
