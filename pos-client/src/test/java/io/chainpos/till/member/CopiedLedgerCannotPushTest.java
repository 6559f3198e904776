package io.chainpos.till.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillProjections;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.ServerLink;
import io.chainpos.till.ledger.TillIdentity;
import io.chainpos.till.security.KeyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The till's bearer token is wrapped by its key file like the members' keys: the ledger's bytes do not hold it, the
 * till reads it back with its key file, and a copy opened without that file has no server link to push with.
 */
class CopiedLedgerCannotPushTest {
    private static final String TOKEN = "tok_3f9a7c1e5b2d48f6a0c9e7d1b3f5a2c4";
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final EventCodec codec = EventCodec.standard();
    @TempDir
    Path dir;

    @Test
    void theTokenIsWrappedAndACopyWithoutTheKeyFileHasNoLink() throws Exception {
        Path data = dir.resolve("shop/till");
        Path ledgerFile = data.resolve("till.db");
        KeyWrap wrap = KeyWrap.with(KeyFile.openOrCreate(KeyFile.defaultPath(dir.resolve("shop")), new SecureRandom()),
                new SecureRandom());
        try (Ledger ledger = Ledger.open(ledgerFile, clock, codec, TillProjections.standard(codec), wrap)) {
            ledger.registration().enroll(new TillIdentity(new StoreId("S001"), new TillId("S001-T1"), 1));
            ledger.registration().link(new ServerLink("https://pos-server:8443", TOKEN));
            assertThat(ledger.registration().serverLink()).hasValueSatisfying(link -> assertThat(link.token()).isEqualTo(TOKEN));
            assertThat(ledger.scrub()).isTrue();
        }
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(TOKEN).doesNotContain(TOKEN.substring(4, 20));
            }
        }
        try (Ledger ledger = Ledger.open(ledgerFile, clock, codec, TillProjections.standard(codec), wrap)) {
            assertThat(ledger.registration().serverLink()).as("with its key file").hasValueSatisfying(
                    link -> assertThat(link.token()).isEqualTo(TOKEN));
        }

        Path copy = dir.resolve("elsewhere/till.db");
        Files.createDirectories(copy.getParent());
        Files.copy(ledgerFile, copy);
        KeyWrap otherKey = KeyWrap.with(new byte[32], new SecureRandom());
        try (Ledger copied = Ledger.open(copy, clock, codec, TillProjections.standard(codec), otherKey)) {
            assertThat(copied.registration().serverLink()).as("the copy, with another key file").isEmpty();
        }
        try (Ledger copied = Ledger.open(copy, clock, codec, TillProjections.standard(codec))) {
            assertThat(copied.registration().serverLink()).as("the copy, with none").isEmpty();
        }
    }

    @Test
    void aTokenKeptInTheClearByAnEarlierVersionIsWrappedOnceAndThenLeftAlone() throws Exception {
        Path ledgerFile = dir.resolve("till/till.db");
        try (Ledger ledger = Ledger.open(ledgerFile, clock, codec, TillProjections.standard(codec))) {
            ledger.registration().enroll(new TillIdentity(new StoreId("S001"), new TillId("S001-T1"), 1));
            ledger.registration().link(new ServerLink("https://pos-server:8443", TOKEN)); // no key file: in the clear
            assertThat(ledger.registration().wrapClearToken()).as("nothing to wrap with").isFalse();
        }
        KeyWrap wrap = KeyWrap.with(KeyFile.openOrCreate(KeyFile.defaultPath(dir.resolve("shop")), new SecureRandom()),
                new SecureRandom());
        try (Ledger ledger = Ledger.open(ledgerFile, clock, codec, TillProjections.standard(codec), wrap)) {
            assertThat(ledger.registration().wrapClearToken()).as("the clear token").isTrue();
            assertThat(ledger.registration().wrapClearToken()).as("wrapped already").isFalse();
            assertThat(ledger.registration().serverLink()).hasValueSatisfying(link -> assertThat(link.token()).isEqualTo(TOKEN));
            assertThat(ledger.scrub()).isTrue();
        }
        assertThat(new String(Files.readAllBytes(ledgerFile), StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
    }
}
