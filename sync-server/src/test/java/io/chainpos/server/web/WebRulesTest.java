package io.chainpos.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.money.Money;
import io.chainpos.server.auth.Lockout;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pages' small rules: the language chosen, the lockout's delays, money and time written, CSV cells. */
class WebRulesTest {

    @Test
    void theRememberedLanguageWinsThenTheBrowsersFirstKnownOne() {
        assertThat(Language.choose(null, "zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Language.ZH_CN);
        assertThat(Language.choose(null, "zh-TW")).isEqualTo(Language.ZH_CN);
        assertThat(Language.choose(null, "fr-FR,en-US;q=0.7,zh;q=0.5")).isEqualTo(Language.EN);
        assertThat(Language.choose(null, "de")).isEqualTo(Language.EN);
        assertThat(Language.choose(null, "not a header;;")).isEqualTo(Language.EN);
        assertThat(Language.choose("zh-CN", "en")).isEqualTo(Language.ZH_CN);
        assertThat(Language.choose("klingon", "zh")).isEqualTo(Language.ZH_CN);
    }

    @Test
    void eachWrongPasswordDoublesTheWaitAndTheFifthLocksForFifteenMinutes() {
        Lockout lockout = Lockout.STANDARD;
        Instant now = Instant.parse("2026-12-01T02:00:00Z");
        Optional<Lockout.State> state = Optional.empty();
        for (long seconds : new long[] {1, 2, 4, 8}) {
            state = Optional.of(lockout.failed(state, now));
            assertThat(lockout.wait(state, now)).isEqualTo(Duration.ofSeconds(seconds));
            assertThat(lockout.isLocked(state, now)).isFalse();
            now = now.plusSeconds(60);
        }
        state = Optional.of(lockout.failed(state, now));
        assertThat(lockout.isLocked(state, now)).isTrue();
        assertThat(lockout.isLocked(state, now.plus(Duration.ofMinutes(15)))).isFalse();
        assertThat(lockout.failed(state, now.plus(Duration.ofMinutes(15))).failures()).as("a lock that ended starts the count again")
                .isEqualTo(1);
    }

    @Test
    void moneyAndTimesAreWrittenTheLanguagesWayInTheStoresZone() {
        Instant noonUtc = Instant.parse("2026-12-01T12:00:00Z");
        Formats chinese = new Formats(Language.ZH_CN, Formats.DEFAULT_ZONE);
        Formats english = new Formats(Language.EN, Formats.DEFAULT_ZONE);

        assertThat(chinese.money(Money.cny(123_450))).isEqualTo("¥1,234.50");
        assertThat(english.money(Money.cny(123_450))).isEqualTo("CN¥1,234.50");
        assertThat(chinese.dateTime(noonUtc)).isEqualTo("2026年12月1日 20:00:00");
        assertThat(english.dateTime(noonUtc)).isEqualTo("1 Dec 2026, 20:00:00");
        assertThat(english.in(java.time.ZoneId.of("Asia/Urumqi")).dateTime(noonUtc)).isEqualTo("1 Dec 2026, 18:00:00");
    }

    @Test
    void csvStartsWithAByteOrderMarkQuotesAndDefusesFormulas() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport.write(out, List.of("名称", "备注"), rows -> {
            rows.accept(List.of("可口可乐, 330ml", "=HYPERLINK(\"x\")"));
            rows.accept(List.of("-5", "plain"));
        });

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("\uFEFF名称,备注\r\n\"可口可乐, 330ml\",\"'=HYPERLINK(\"\"x\"\")\"\r\n'-5,plain\r\n");
    }
}
