package io.chainpos.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quick reading of event times agrees with {@link Instant#parse} wherever it answers, and leaves the rest to it. */
class IsoInstantsTest {
    private final Random random = new Random(20261123);

    @Test
    void everyInstantAsJavaWritesItReadsBackTheSame() {
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);

            assertThat(IsoInstants.parseUtc(instant.toString())).as(instant.toString()).isEqualTo(instant);
        }
    }

    @Test
    void otherSpellingsAreLeftToInstantParseAndAgreeWithIt() {
        List<String> texts = List.of("2026-11-23T03:00:00.5Z", "2026-11-23T03:00:00.123456789Z", "2024-02-29T00:00:00Z",
                "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-31T00:00:00Z", "2026-11-23T24:00:00Z",
                "2026-11-23T23:59:60Z", "2026-11-23T03:00:00.Z", "2026-11-23T03:00:00.1234567890Z", "2026-11-23T03:00Z",
                "2026-11-23t03:00:00z", "2026-11-23T03:00:00+08:00", "+12026-11-23T03:00:00Z", "２０２６-11-23T03:00:00Z",
                "2026-11-23T03:0a:00Z", "2026-11-23 03:00:00Z", "-2026-11-23T03:00:00Z", "2026-1-23T03:00:00Z");
        for (String text : texts) {
            Instant quick = IsoInstants.parseUtc(text);
            Instant reference;
            try {
                reference = Instant.parse(text);
            } catch (DateTimeParseException refused) {
                assertThat(quick).as("%s is refused by Instant.parse", text).isNull();
                continue;
            }
            if (quick != null) {
                assertThat(quick).as(text).isEqualTo(reference);
            }
        }
        assertThat(IsoInstants.parseUtc("2026-11-23T03:00:00.5Z")).isEqualTo(Instant.parse("2026-11-23T03:00:00.500Z"));
        assertThat(IsoInstants.parseUtc("2026-11-23T23:59:60Z")).as("a leap second is Instant.parse's to read").isNull();
    }
}
