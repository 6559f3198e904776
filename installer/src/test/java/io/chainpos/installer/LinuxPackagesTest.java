package io.chainpos.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb packages (profile linux-packages): their control fields, files and maintainer scripts as dpkg-deb shows
 * them, and the programs started from the unpacked packages on their own runtimes, with no JDK to be found (the PATH
 * holds only the tools and, where there is one, a Java 17 that could not run them).
 */
class LinuxPackagesTest {
    static final Path PACKAGES = Path.of(System.getProperty("chainpos.packages"));
    static final Path JAVA_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
    static Path till;
    static Path server;

    @TempDir
    Path dir;
    Process running;

    @BeforeAll
    static void findPackages() throws Exception {
        try (Stream<Path> files = Files.list(PACKAGES)) {
            List<Path> debs = files.filter(f -> f.toString().endsWith(".deb")).sorted().toList();
            till = debs.stream().filter(f -> f.getFileName().toString().startsWith("chainpos-till_")).findFirst().orElseThrow();
            server = debs.stream().filter(f -> f.getFileName().toString().startsWith("chainpos-server_")).findFirst().orElseThrow();
        }
    }

    @AfterEach
    void stopServer() throws Exception {
        if (running != null) {
            running.destroy();
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                running.destroyForcibly();
            }
        }
    }

    String dpkgDeb(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("dpkg-deb"));
        command.addAll(List.of(arguments));
        Processes.Outcome outcome = Processes.run(command, Map.of("PATH", "/usr/bin:/bin"), dir);
        assertThat(outcome.exitCode()).as(String.join(" ", command) + ": " + outcome.err()).isZero();
        return outcome.out();
    }

    Map<String, String> noJdk() throws Exception {
        Path path = Processes.toolsOnly(dir.resolve("path"), Files.isExecutable(JAVA_17) ? JAVA_17 : null);
        Path noJvms = Files.createDirectories(dir.resolve("no-jvms"));
        return Map.of("PATH", path.toString(), "HOME", dir.resolve("home").toString(), "CHAINPOS_JVM_DIR", noJvms.toString());
    }

    @Test
    void theTillPackageDeclaresItsDependenciesMenuEntryAndIcon() throws Exception {
        String control = dpkgDeb("-f", till.toString());
        String files = dpkgDeb("-c", till.toString());
        Path unpacked = dir.resolve("till");
        dpkgDeb("-x", till.toString(), unpacked.toString());
        String desktop = Files.readString(unpacked.resolve("usr/share/applications/chainpos-till.desktop"));

        assertThat(control).contains("Package: chainpos-till", "Architecture: amd64", "Maintainer: ")
                .containsPattern("Version: \\d+\\.\\d+\\.\\d+")
                .containsPattern("Installed-Size: \\d{5,}");
        assertThat(field(control, "Depends")).contains("libgtk-3-0", "libc6");
        assertThat(field(control, "Recommends")).contains("fonts-noto-cjk");
        assertThat(files).contains("./opt/chainpos-till/bin/till", "./opt/chainpos-till/runtime/bin/java",
                "./usr/bin/chainpos-till", "./usr/share/applications/chainpos-till.desktop",
                "./usr/share/icons/hicolor/scalable/apps/chainpos-till.svg");
        assertThat(files).as("JavaFX is in the runtime, not on the class path").doesNotContain("lib/till/javafx-");
        assertThat(desktop).contains("[Desktop Entry]", "Type=Application", "Exec=/usr/bin/chainpos-till",
                "Icon=chainpos-till", "Terminal=false", "Name[zh_CN]=");
        assertThat(unpacked.resolve("usr/share/icons/hicolor/scalable/apps/chainpos-till.svg")).content().contains("<svg");
        Processes.Outcome modules = Processes.run(List.of(unpacked.resolve("opt/chainpos-till/runtime/bin/java").toString(),
                "--list-modules"), Map.of(), dir);
        assertThat(modules.out()).contains("javafx.controls@25", "javafx.graphics@25", "jdk.charsets@", "jdk.localedata@");
    }

    @Test
    void theServerPackageIsASystemdServiceWithItsOwnUserSettingsAndData() throws Exception {
        String control = dpkgDeb("-f", server.toString());
        String files = dpkgDeb("-c", server.toString());
        Path unpacked = dir.resolve("server");
        dpkgDeb("-x", server.toString(), unpacked.toString());
        Path scripts = dir.resolve("server-control");
        dpkgDeb("-e", server.toString(), scripts.toString());
        String unit = Files.readString(unpacked.resolve("lib/systemd/system/chainpos-server.service"));

        assertThat(control).contains("Package: chainpos-server", "Architecture: amd64");
        assertThat(files).contains("./lib/systemd/system/chainpos-server.service", "./etc/chainpos/server.conf",
                "./opt/chainpos-server/runtime/bin/java", "./opt/chainpos-server/lib/server/sync-server.jar",
                "./usr/bin/chainpos-server");
        assertThat(unit).contains("User=chainpos", "Group=chainpos", "EnvironmentFile=/etc/chainpos/server.conf",
                "ExecStart=/opt/chainpos-server/bin/sync-server serve", "ReadWritePaths=/var/lib/chainpos",
                "WantedBy=multi-user.target");
        assertThat(Files.readString(unpacked.resolve("etc/chainpos/server.conf")))
                .contains("CHAINPOS_DB=/var/lib/chainpos/chainpos.db", "CHAINPOS_PORT=8443",
                        "CHAINPOS_TLS_CERT=/etc/chainpos/tls/server.pem", "CHAINPOS_TLS_KEY=/etc/chainpos/tls/server-key.pem",
                        "CHAINPOS_KEK_FILE=/etc/chainpos/kek");
        assertThat(Files.readString(scripts.resolve("conffiles")).strip()).isEqualTo("/etc/chainpos/server.conf");
        String postinst = Files.readString(scripts.resolve("postinst"));
        assertThat(postinst).contains("useradd --system", "chown chainpos:chainpos /var/lib/chainpos",
                "systemctl enable chainpos-server.service", "try-restart",
                "sync-server ca --out \"$tls\"", "sync-server cert --ca \"$tls/chain-ca.pem\"", "chmod 600 \"$tls/chain-ca-key.pem\"",
                "sync-server kek add --kek-file \"$kek\"", "chmod 600 \"$kek\"");
        for (String script : List.of("postinst", "prerm", "postrm")) {
            String text = Files.readString(scripts.resolve(script));
            assertThat(text).as(script + " keeps the data").doesNotContainPattern("rm\\s+-[a-z]*r[a-z]*\\s+\\S*/var/lib/chainpos")
                    .doesNotContain("userdel");
            assertThat(Processes.run(List.of("sh", "-n", scripts.resolve(script).toString()), Map.of("PATH", "/usr/bin:/bin"), dir)
                    .exitCode()).as(script + " parses").isZero();
        }
        assertThat(Files.readString(scripts.resolve("prerm"))).contains("\"$1\" = remove");
    }

    @Test
    void theServerAndTheTillRunFromTheUnpackedPackagesWithoutAJdk() throws Exception {
        Path serverRoot = dir.resolve("s");
        Path tillRoot = dir.resolve("t");
        dpkgDeb("-x", server.toString(), serverRoot.toString());
        dpkgDeb("-x", till.toString(), tillRoot.toString());
        Map<String, String> environment = noJdk();
        Path database = dir.resolve("chainpos.db");
        Path launcher = serverRoot.resolve("opt/chainpos-server/bin/sync-server");

        // as the package's postinst does: a chain CA and a certificate, made by the packaged server itself
        Path tls = dir.resolve("tls");
        assertThat(Processes.run(List.of(launcher.toString(), "ca", "--out", tls.toString()), environment, dir).exitCode())
                .isZero();
        Processes.Outcome cert = Processes.run(List.of(launcher.toString(), "cert", "--ca", tls.resolve("chain-ca.pem").toString(),
                "--ca-key", tls.resolve("chain-ca-key.pem").toString(), "--host", "127.0.0.1", "--out", tls.toString()),
                environment, dir);
        assertThat(cert.exitCode()).as(cert.err()).isZero();
        Path kek = dir.resolve("kek");
        Processes.Outcome keys = Processes.run(List.of(launcher.toString(), "kek", "add", "--kek-file", kek.toString()), environment, dir);
        assertThat(keys.exitCode()).as(keys.err()).isZero();
        ProcessBuilder serve = new ProcessBuilder(launcher.toString(), "serve", "--host", "127.0.0.1", "--port", "0",
                "--db", database.toString(), "--tls-cert", tls.resolve("server.pem").toString(),
                "--tls-key", tls.resolve("server-key.pem").toString(), "--kek-file", kek.toString())
                .redirectError(dir.resolve("server.log").toFile());
        serve.environment().clear();
        serve.environment().putAll(environment);
        running = serve.start();
        int port = listeningPort(running);

        Processes.Outcome enroll = Processes.run(List.of(launcher.toString(), "enroll", "--db", database.toString(),
                "--store", "S001", "--till", "S001-T1"), environment, dir);
        assertThat(enroll.exitCode()).as(enroll.err()).isZero();
        String code = enroll.out().strip();
        Path data = dir.resolve("till-data");
        Processes.Outcome tillRun = Processes.run(List.of(tillRoot.resolve("opt/chainpos-till/bin/till").toString(),
                        "--data", data.toString(), "--server", "https://127.0.0.1:" + port, "--server-ca",
                        tls.resolve("chain-ca.pem").toString(), "--key-file", dir.resolve("keys/till.kek").toString(),
                        "--enroll", code, "--console"),
                environment, "staff owner 店主 owner 8888\nshift open 100\nquit\n", dir);

        assertThat(tillRun.exitCode()).as(tillRun.err()).isZero();
        assertThat(tillRun.out()).contains("Enrolled as till S001-T1 of store S001", "Up to date with the server");
        assertThat(data.resolve("till.db")).exists();
        assertThat(data.resolve("till.log")).as("the log is in the data folder").exists();
        assertThat(tillRoot.resolve("opt/chainpos-till/till.log")).doesNotExist();
    }

    /** The port the server prints on standard output once it listens ("... listening on port N"). */
    static int listeningPort(Process process) throws Exception {
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                Pattern listening = Pattern.compile("listening on port (\\d+)");
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = listening.matcher(line);
                    if (m.find()) {
                        return Integer.parseInt(m.group(1));
                    }
                }
                throw new IllegalStateException("the server stopped without listening");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return port.get(2, TimeUnit.MINUTES);
    }

    static String field(String control, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ": (.*)$").matcher(control);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }
}
