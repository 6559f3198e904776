package io.chainpos.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@code io.chainpos.server.ServerMain} in a separate JVM on this test's classpath. */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * A process builder for {@code ServerMain args}, logging with the production logback.xml (INFO to
     * standard error) rather than the tests' quiet one.
     */
    public static ProcessBuilder serverMain(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dlogback.configurationFile=" + productionLogback());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.chainpos.server.ServerMain");
        command.addAll(args);
        return new ProcessBuilder(command);
    }

    private static String productionLogback() {
        try {
            Path testClasses = Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return testClasses.resolveSibling("classes").resolve("logback.xml").toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs to the end and returns exit code and standard output; standard error goes to {@code errFile}. */
    public static Result run(List<String> args, Path errFile) {
        try {
            Process process = serverMain(args).redirectError(errFile.toFile()).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return new Result(process.waitFor(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Result(int exitCode, String stdout) {
    }
}
