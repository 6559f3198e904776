package io.chainpos.till.device.drawer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The drawer of a till with no printer to kick it: the opening stays on record, the drawer opens by key. */
public final class NoCashDrawer implements CashDrawer {
    private static final Logger log = LoggerFactory.getLogger(NoCashDrawer.class);

    @Override
    public void open() {
        log.debug("drawer.not-kicked reason=no-printer");
    }
}
