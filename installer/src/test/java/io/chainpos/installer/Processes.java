package io.chainpos.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a launcher or a tool as a child process with exactly the environment a test gives it. */
final class Processes {
    /** What a finished process said and how it ended. */
    record Outcome(int exitCode, String out, String err) {
    }

    private Processes() {
    }

    static Outcome run(List<String> command, Map<String, String> environment, String stdin, Path workDir)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("still running after 3 minutes: " + command);
        }
        return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    static Outcome run(List<String> command, Map<String, String> environment, Path workDir)
            throws IOException, InterruptedException {
        return run(command, environment, "", workDir);
    }

    /**
     * A folder for the PATH holding the few tools the launchers use and, if {@code java} is given, that java: so a
     * test decides exactly which Java a launcher can find there.
     */
    static Path toolsOnly(Path dir, Path java) throws IOException {
        Files.createDirectories(dir);
        for (String tool : List.of("sh", "bash", "dirname", "sed", "head", "env", "seq", "curl", "mkdir", "tail", "uname",
                "cat", "sleep")) {
            for (String folder : List.of("/usr/bin", "/bin")) {
                Path found = Path.of(folder, tool);
                if (Files.isExecutable(found) && !Files.exists(dir.resolve(tool))) {
                    Files.createSymbolicLink(dir.resolve(tool), found);
                }
            }
        }
        if (java != null) {
            Files.createSymbolicLink(dir.resolve("java"), java);
        }
        return dir;
    }
}
