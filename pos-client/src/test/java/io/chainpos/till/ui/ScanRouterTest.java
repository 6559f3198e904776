package io.chainpos.till.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanRouterTest {
    private final ScanRouter router = new ScanRouter();
    private final List<String> rungUp = new ArrayList<>();

    @Test
    void nobodySignedInDropsTheScan() {
        assertThat(router.route("6901234567892")).isEqualTo(ScanRouter.Routed.DROPPED);
    }

    @Test
    void theSaleTakesScansUntilAScreenTakingScansOpensOverIt() {
        router.saleTakes(rungUp::add);
        assertThat(router.route("1")).isEqualTo(ScanRouter.Routed.SALE);

        TakesScans refund = new TakesScans();
        router.opened(refund);
        assertThat(router.route("S001-T1-1-000001")).isEqualTo(ScanRouter.Routed.PANEL);
        router.closed(refund);
        assertThat(router.route("2")).isEqualTo(ScanRouter.Routed.SALE);

        assertThat(rungUp).containsExactly("1", "2");
        assertThat(refund.scans).containsExactly("S001-T1-1-000001");
    }

    @Test
    void aScreenThatTakesNoScansSaysSoAndNothingIsRungUpBehindIt() {
        router.saleTakes(rungUp::add);
        PanelModel payment = new PanelModel() { };
        router.opened(payment);

        assertThat(router.route("6901234567892")).isEqualTo(ScanRouter.Routed.REFUSED);
        assertThat(payment.noticeProperty().get()).isEqualTo(Notice.warning("scan.notHere"));
        assertThat(rungUp).isEmpty();
    }

    @Test
    void aScanNeverLandsInAPinOrQuestionBeingTyped() {
        router.saleTakes(rungUp::add);
        TakesScans member = new TakesScans();
        router.opened(member);
        router.promptOpened();

        assertThat(router.route("13800000001")).isEqualTo(ScanRouter.Routed.DROPPED);
        router.promptClosed();
        assertThat(router.route("13800000001")).isEqualTo(ScanRouter.Routed.PANEL);
        assertThat(rungUp).isEmpty();
    }

    private static final class TakesScans extends PanelModel {
        final List<String> scans = new ArrayList<>();

        @Override
        public boolean scanned(String code) {
            scans.add(code);
            return true;
        }
    }
}
