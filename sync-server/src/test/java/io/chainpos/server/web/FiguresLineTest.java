package io.chainpos.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The line under every page, in both languages, for each place the figures can come from. */
class FiguresLineTest {
    private static final Texts TEXTS = new Texts(List.of("web/messages"));
    private static final Instant AS_OF = Instant.parse("2026-12-06T06:02:11Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static String line(Language language, ReportFreshness.FiguresAsOf figures) {
        return new Shell(language, TEXTS, new Formats(language, SHANGHAI), null, "home.title", List.of(), null, "/",
                null, "", () -> "", figures).figuresLine();
    }

    @Test
    void aFloodTheReadModelsHaveNotMergedIsNamedWithItsSize() {
        var catchingUp = new ReportFreshness.FiguresAsOf(ReportFreshness.Source.CATCHING_UP, Optional.of(AS_OF), 12_345);

        assertThat(line(Language.EN, catchingUp))
                .isEqualTo("Figures are being brought up to date: the 12,345 events received since 6 Dec 2026, 14:02:11 are not in them yet.");
        assertThat(line(Language.ZH_CN, catchingUp)).isEqualTo("报表正在更新：自 2026年12月6日 14:02:11 起收到的 12,345 个事件尚未计入。");
    }

    @Test
    void theReplicaAndItsFallbackKeepTheirLines() {
        assertThat(line(Language.EN, new ReportFreshness.FiguresAsOf(ReportFreshness.Source.REPLICA, Optional.of(AS_OF), 37)))
                .isEqualTo("Reports read from the replica: figures as of 6 Dec 2026, 14:02:11, 37 events behind the primary.");
        assertThat(line(Language.ZH_CN, new ReportFreshness.FiguresAsOf(ReportFreshness.Source.REPLICA, Optional.of(AS_OF), 0)))
                .isEqualTo("报表读取自只读副本：数据截至 2026年12月6日 14:02:11，与主库一致。");
        assertThat(line(Language.EN, ReportFreshness.FiguresAsOf.fallenBack()))
                .isEqualTo("Reports read from the primary database: the replica cannot be reached.");
        assertThat(line(Language.EN, null)).isNull();
    }
}
