package io.chainpos.till.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.device.settings.DeviceSettings;
import io.chainpos.till.device.settings.DeviceSettingsFile;
import io.chainpos.till.settings.TillSettings;
import io.chainpos.till.settings.TillSettingsFile;
import io.chainpos.till.testing.TestTill;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The till's data folder, ledger, settings and key file are made owner-only, and looser ones are named at start. */
class DataFolderTest {
    @TempDir
    Path dir;

    static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void theFolderTheLedgerItsWalAndTheSettingsAreOwnerOnlyFromTheStart() throws Exception {
        Path data = dir.resolve("home/.chainpos/till");
        DataFolder.prepare(data, "till.db");
        try (TestTill till = new TestTill(data.resolve("till.db"), new ManualClock(Instant.parse("2026-11-23T02:00:00Z")), "S001", "S001-T1")) {
            till.shifts.open("c1", 10_000);
            new DeviceSettingsFile(data).save(DeviceSettings.defaults(data));
            new TillSettingsFile(data).save(TillSettings.defaults());

            assertThat(mode(data)).isEqualTo("rwx------");
            assertThat(mode(dir.resolve("home/.chainpos"))).isEqualTo("rwx------");
            for (String file : new String[] {"till.db", "till.db-wal", "till.db-shm", "devices.properties", "till.properties"}) {
                assertThat(mode(data.resolve(file))).as(file).isEqualTo("rw-------");
            }
            Path keyFile = KeyFile.defaultPath(dir.resolve("home"));
            byte[] key = KeyFile.openOrCreate(keyFile, new SecureRandom());
            assertThat(keyFile.startsWith(data)).as("outside the ledger's folder").isFalse();
            assertThat(mode(keyFile)).isEqualTo("rw-------");
            assertThat(mode(keyFile.getParent())).isEqualTo("rwx------");
            assertThat(KeyFile.openOrCreate(keyFile, new SecureRandom())).as("read back, not made again").isEqualTo(key);
            assertThat(DataFolder.looser(data, keyFile, dir.resolve("home"))).isEmpty();
        }
    }

    @Test
    void looserFilesAreNamedWithTheirModeAndShownOnTheTopBar() throws Exception {
        Path data = dir.resolve("till");
        DataFolder.prepare(data, "till.db");
        Files.writeString(data.resolve("till.log"), "");
        Files.setPosixFilePermissions(data.resolve("till.log"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path keyFile = dir.resolve("keys/till.kek");
        KeyFile.openOrCreate(keyFile, new SecureRandom());

        var loose = DataFolder.looser(data, keyFile, dir);

        assertThat(loose).containsExactly(data.toAbsolutePath() + " (0755)", data.resolve("till.log").toAbsolutePath() + " (0644)");
        TillProtection protection = new TillProtection(io.chainpos.till.member.KeyWrap.none(), loose);
        assertThat(protection.warnings(() -> Optional.of(URI.create("https://pos.example:8443/"))))
                .extracting(TillProtection.Warning::kind).containsExactly(TillProtection.Warning.Kind.LOOSE_FILES);
    }

    @Test
    void plainHttpIsWarnedOfOnlyToAnotherMachine() {
        TillProtection fine = TillProtection.none();

        assertThat(fine.warnings(() -> Optional.of(URI.create("http://192.168.1.10:8080/"))))
                .containsExactly(new TillProtection.Warning(TillProtection.Warning.Kind.PLAIN_HTTP, "192.168.1.10"));
        assertThat(fine.warnings(() -> Optional.of(URI.create("http://pos-server:8080/")))).hasSize(1);
        assertThat(fine.warnings(() -> Optional.of(URI.create("http://127.0.0.1:8080/")))).isEmpty();
        assertThat(fine.warnings(() -> Optional.of(URI.create("http://localhost:8080/")))).isEmpty();
        assertThat(fine.warnings(() -> Optional.of(URI.create("http://[::1]:8080/")))).isEmpty();
        assertThat(fine.warnings(() -> Optional.of(URI.create("https://192.168.1.10:8443/")))).isEmpty();
        assertThat(fine.warnings(Optional::empty)).isEmpty();
    }
}
