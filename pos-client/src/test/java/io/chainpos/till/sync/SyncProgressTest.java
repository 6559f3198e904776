package io.chainpos.till.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncProgressTest {

    @Test
    void theTimeLeftIsThePaceSoFarOverWhatRemains() {
        SyncProgress quarter = SyncProgress.of(SyncProgress.Stage.DOWNLOADING, 25, 100, 0, Duration.ofSeconds(10));

        assertThat(quarter.left()).as("25 in 10 s: the other 75 in 30 s").isEqualTo(Duration.ofSeconds(30));
        assertThat(quarter.fraction()).isEqualTo(0.25);
    }

    @Test
    void aResumedDownloadCountsItsPaceFromWhereItResumed() {
        SyncProgress resumed = SyncProgress.of(SyncProgress.Stage.DOWNLOADING, 75, 100, 50, Duration.ofSeconds(10));

        assertThat(resumed.left()).as("25 since the resume in 10 s: the last 25 in 10 s more").isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void noPaceYetOrNoTotalGivesNoTimeLeft() {
        assertThat(SyncProgress.of(SyncProgress.Stage.DOWNLOADING, 50, 100, 50, Duration.ofSeconds(3)).left()).isNull();
        assertThat(SyncProgress.of(SyncProgress.Stage.INSTALLING, 10, 100, 0, Duration.ZERO).left()).isNull();
        assertThat(SyncProgress.of(SyncProgress.Stage.PULLING, 500, 0, 0, Duration.ofSeconds(1)).left()).isNull();
        assertThat(new SyncProgress(SyncProgress.Stage.PULLING, 500, 0, null).fraction()).isEqualTo(-1);
    }
}
