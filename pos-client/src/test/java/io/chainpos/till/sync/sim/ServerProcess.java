package io.chainpos.till.sync.sim;

import io.chainpos.server.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sync server as a real process of its own, started on a database and killed with {@code kill -9}. */
final class ServerProcess {
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServerProcess start(String database, boolean demoData, Path log) {
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--host", "127.0.0.1", "--db", database,
                "--db-pool", "4"));
        if (demoData) {
            args.add("--demo-data");
        }
        try {
            Process process = ChildJvm.serverMain(args).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
                try {
                    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        Matcher matcher = LISTENING.matcher(line);
                        if (matcher.find()) {
                            return Integer.parseInt(matcher.group(1));
                        }
                    }
                    throw new IllegalStateException("the server ended without listening; see " + log);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return new ServerProcess(process, port.get(90, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("the server process did not start; see " + log, e);
        }
    }

    int port() {
        return port;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** {@code kill -9}: no shutdown hook, no last commit, whatever was in flight is cut off. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the server process did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
