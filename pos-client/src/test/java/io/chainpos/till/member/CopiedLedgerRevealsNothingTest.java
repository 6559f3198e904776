package io.chainpos.till.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.security.KeyFile;
import io.chainpos.till.testing.TestTill;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Members' data keys are wrapped by the till's key file, outside the ledger's folder: a copy of the ledger opened
 * elsewhere without that file shows neither the phone nor the name, by any query or in any byte of its files. Keys
 * kept unwrapped by an older release are wrapped at the next start.
 */
class CopiedLedgerRevealsNothingTest {
    static final String PHONE = "13912345678";
    static final String NAME = "欧阳娜娜";
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void aLedgerCopiedWithoutItsKeyFileOpensNobodysData() throws Exception {
        Path data = dir.resolve("shop/till");
        Path ledgerFile = data.resolve("till.db");
        MemberId older;
        MemberId newer;
        String olderKey;
        // A ledger from before wrapping: the key kept in the clear.
        try (TestTill till = till(ledgerFile, KeyWrap.none())) {
            older = register(till, PHONE, NAME);
            olderKey = till.ledger.read(s -> till.members.keys().find(s, older)).orElseThrow().key();
        }
        Path keyFile = KeyFile.defaultPath(dir.resolve("shop"));
        KeyWrap wrap = KeyWrap.with(KeyFile.openOrCreate(keyFile, new SecureRandom()), new SecureRandom());
        try (TestTill till = till(ledgerFile, wrap)) {
            assertThat(till.ledger.writeState(till.members.keys()::wrapUnwrapped)).as("the key and the lookup secret").isEqualTo(2);
            till.ledger.scrub();
            assertThat(till.ledger.writeState(till.members.keys()::wrapUnwrapped)).as("once").isZero();
            newer = register(till, "13812345678", "司马相如");
            // With its key file the till reads its members as before.
            List<Member> found = till.ledger.read(s -> till.members.findByPhone(s, PHONE));
            assertThat(found).singleElement()
                    .satisfies(m -> assertThat(m.name()).isEqualTo(NAME));
            assertThat(till.ledger.read(s -> till.members.findById(s, newer)).orElseThrow().name()).isEqualTo("司马相如");
            assertThat(till.ledger.scrub()).isTrue();
        }

        Path copy = dir.resolve("elsewhere/till");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(data)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        assertThat(copy.resolve("till.db")).exists();
        for (Path file : Files.list(copy).toList()) {
            byte[] bytes = Files.readAllBytes(file);
            for (String secret : List.of(PHONE, PHONE.substring(3), NAME, "司马相如", "12345678", olderKey, TestTill.LOOKUP_SECRET)) {
                for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"), StandardCharsets.UTF_16LE)) {
                    assertThat(indexOf(bytes, secret.getBytes(charset))).as(file.getFileName() + " holds " + secret + " in " + charset)
                            .isEqualTo(-1);
                }
            }
        }
        // Opened with the current code, with no key file (a new one made there) or none at all.
        KeyWrap stranger = KeyWrap.with(KeyFile.openOrCreate(dir.resolve("elsewhere/keys/till.kek"), new SecureRandom()), new SecureRandom());
        for (KeyWrap without : List.of(stranger, KeyWrap.none())) {
            // (opened as it is: no enrollment, so the test's fixed lookup secret is not written into it)
            try (TestTill thief = new TestTill(copy.resolve("till.db"), clock, null, null,
                    io.chainpos.till.sale.SellingSettings.defaults(TestTill.SHANGHAI), without)) {
                List<Member> found = thief.ledger.read(s -> thief.members.findByPhone(s, PHONE));
                assertThat(found).isEmpty();
                java.util.Optional<io.chainpos.model.member.PhoneLookup> lookup = thief.ledger.read(s -> thief.members.keys().phoneLookup(s));
                assertThat(lookup).isEmpty();
                for (MemberId member : List.of(older, newer)) {
                    Member seen = thief.ledger.read(s -> thief.members.findById(s, member)).orElseThrow();
                    assertThat(seen.phone()).isNull();
                    assertThat(seen.name()).isNull();
                    java.util.Optional<io.chainpos.model.member.MemberKey> key = thief.ledger.read(s -> thief.members.keys().find(s, member));
                    assertThat(key).isEmpty();
                }
            }
        }
    }

    @Test
    void aKeyKeptWithoutTheKeyFileAfterEveryKeyWasWrappedIsWrappedAtTheNextStartToo() throws Exception {
        // A start that found every key wrapped does not read them all again at the next; a key kept in the clear since
        // (a run without the key file) still makes the next start look, and wrap it.
        Path ledgerFile = dir.resolve("till/till.db");
        KeyWrap wrap = KeyWrap.with(KeyFile.openOrCreate(KeyFile.defaultPath(dir), new SecureRandom()), new SecureRandom());
        try (TestTill till = till(ledgerFile, wrap)) {
            register(till, PHONE, NAME);
            till.ledger.writeState(till.members.keys()::wrapUnwrapped);
            assertThat(till.ledger.writeState(till.members.keys()::wrapUnwrapped)).isZero();
        }
        MemberId kept;
        try (TestTill till = till(ledgerFile, KeyWrap.none())) {
            kept = register(till, "13812345678", "司马相如");
        }
        try (TestTill till = till(ledgerFile, wrap)) {
            assertThat(till.ledger.writeState(till.members.keys()::wrapUnwrapped)).as("the key kept in the clear, and the lookup secret")
                    .isEqualTo(2);
            assertThat(till.ledger.writeState(till.members.keys()::wrapUnwrapped)).isZero();
            assertThat(till.ledger.read(s -> till.members.findById(s, kept)).orElseThrow().name()).isEqualTo("司马相如");
        }
        try (TestTill thief = till(ledgerFile, KeyWrap.none())) {
            assertThat(thief.ledger.read(s -> thief.members.findById(s, kept)).orElseThrow().name())
                    .as("wrapped: without the key file it opens nothing").isNull();
        }
    }

    private TestTill till(Path file, KeyWrap wrap) throws Exception {
        return new TestTill(file, clock, "S001", "S001-T1", io.chainpos.till.sale.SellingSettings.defaults(TestTill.SHANGHAI), wrap);
    }

    private static MemberId register(TestTill till, String phone, String name) {
        var result = till.registerMember.register(new RegisterMember.Request(phone, name, null, null, true));
        assertThat(result).isInstanceOf(RegisterMember.Registered.class);
        return ((RegisterMember.Registered) result).member().memberId();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
