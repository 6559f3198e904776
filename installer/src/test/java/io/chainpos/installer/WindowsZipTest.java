package io.chainpos.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The portable Windows zip holds the till and the server with JavaFX's Windows jars and the Windows native libraries
 * of SQLite and the serial ports, .cmd launchers that find Java 25, and the MSI build script with its fixed upgrade code.
 * (Nothing here runs on Windows: this looks at what the zip holds.)
 */
class WindowsZipTest {
    static final Path ZIP = Path.of(System.getProperty("chainpos.windows.zip"));

    static List<String> names(ZipFile zip) {
        List<String> names = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            names.add(e.nextElement().getName());
        }
        return names;
    }

    static String text(ZipFile zip, String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The names inside a jar that is itself inside the zip. */
    static List<String> jarEntries(ZipFile zip, String jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(zip.getInputStream(zip.getEntry(jar)))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    static String only(List<String> names, String prefix) {
        List<String> found = names.stream().filter(n -> n.startsWith(prefix)).toList();
        assertThat(found).as(prefix).hasSize(1);
        return found.getFirst();
    }

    @Test
    void holdsTheLaunchersTheMsiScriptAndBothPrograms() throws Exception {
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            List<String> names = names(zip);

            assertThat(names).contains("chainpos/bin/till.cmd", "chainpos/bin/sync-server.cmd",
                    "chainpos/libexec/find-java.cmd", "chainpos/build-msi.ps1", "chainpos/README-windows.txt",
                    "chainpos/conf/till-logback.xml", "chainpos/conf/server-logback.xml",
                    "chainpos/lib/server/sync-server.jar");
            assertThat(names).anyMatch(n -> n.matches("chainpos/lib/till/pos-client-.*\\.jar"));
            assertThat(names).as("no Linux JavaFX").noneMatch(n -> n.endsWith("-linux.jar"));
        }
    }

    @Test
    void carriesTheWindowsNativeLibraries() throws Exception {
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            List<String> names = names(zip);

            assertThat(jarEntries(zip, "chainpos/lib/till/javafx-graphics-25.0.2-win.jar"))
                    .contains("glass.dll", "prism_d3d.dll", "prism_sw.dll", "javafx_font.dll");
            assertThat(names).contains("chainpos/lib/till/javafx-base-25.0.2-win.jar",
                    "chainpos/lib/till/javafx-controls-25.0.2-win.jar");
            assertThat(jarEntries(zip, only(names, "chainpos/lib/till/sqlite-jdbc-")))
                    .contains("org/sqlite/native/Windows/x86_64/sqlitejdbc.dll");
            assertThat(jarEntries(zip, only(names, "chainpos/lib/till/jSerialComm-")))
                    .anyMatch(n -> n.startsWith("Windows/x86_64/") && n.endsWith(".dll"));
        }
    }

    @Test
    void launchersFindJava25AndUseWindowsLineEnds() throws Exception {
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            String till = text(zip, "chainpos/bin/till.cmd");
            String server = text(zip, "chainpos/bin/sync-server.cmd");
            String finder = text(zip, "chainpos/libexec/find-java.cmd");

            assertThat(till).contains("find-java.cmd\" till", "lib\\till\\*", "io.chainpos.till.TillMain").contains("\r\n");
            assertThat(server).contains("find-java.cmd\" sync-server", "lib\\server\\*", "io.chainpos.server.ServerMain");
            assertThat(finder).contains("runtime\\bin\\java.exe", "%JAVA_HOME%\\bin\\java.exe", "where java.exe",
                    "GEQ 25", "exit /b 3", "needs Java 25 or newer").contains("\r\n");
            assertThat(finder.replace("\r\n", "")).doesNotContain("\n");
        }
    }

    @Test
    void theMsiScriptKeepsOneUpgradeCode() throws Exception {
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            String script = text(zip, "chainpos/build-msi.ps1");

            assertThat(script).contains("--type msi", "--win-upgrade-uuid $UpgradeUuid", "--win-menu", "--runtime-image",
                    "javafx.controls");
            assertThat(script).containsPattern("\\$UpgradeUuid = \"3f6d2a8e-4b1c-4c5e-9a7f-0c2b8e1d5a64\"");
        }
    }
}
