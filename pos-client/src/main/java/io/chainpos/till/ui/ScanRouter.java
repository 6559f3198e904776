package io.chainpos.till.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every scan, from a keyboard-wedge or a serial scanner, where the cashier expects it whatever has the
 * focus: to the screen on top when it takes scans (refund, member), otherwise to the sale; never into a PIN or a
 * question being typed. Used on the screen's thread only.
 */
public final class ScanRouter {
    private static final Logger log = LoggerFactory.getLogger(ScanRouter.class);

    /** Where the scan went. */
    public enum Routed { SALE, PANEL, REFUSED, DROPPED }

    private final Deque<PanelModel> panels = new ArrayDeque<>();
    private int prompts;
    private Consumer<String> sale;

    /** The sale screen takes scans from now on; {@code null} when nobody is signed in. */
    public void saleTakes(Consumer<String> scans) {
        this.sale = scans;
    }

    public void opened(PanelModel panel) {
        panels.push(panel);
    }

    public void closed(PanelModel panel) {
        panels.remove(panel);
    }

    public void promptOpened() {
        prompts++;
    }

    public void promptClosed() {
        prompts = Math.max(0, prompts - 1);
    }

    public Routed route(String code) {
        if (prompts > 0) {
            log.info("scan.dropped reason=prompt_open");
            return Routed.DROPPED;
        }
        PanelModel top = panels.peek();
        if (top != null) {
            if (top.scanned(code)) {
                return Routed.PANEL;
            }
            top.noticeProperty().set(Notice.warning("scan.notHere"));
            return Routed.REFUSED;
        }
        if (sale == null) {
            log.info("scan.dropped reason=nobody_signed_in");
            return Routed.DROPPED;
        }
        sale.accept(code);
        return Routed.SALE;
    }
}
