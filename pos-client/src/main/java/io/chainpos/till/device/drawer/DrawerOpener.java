package io.chainpos.till.device.drawer;

import io.chainpos.model.event.DrawerOpened;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.till.ledger.Ledger;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the drawer when this till commits a {@link DrawerOpened} event: a cash sale or refund (the checkout
 * records it in the sale's transaction), or a manager-approved "no sale". One pulse per committed transaction,
 * however many openings it records. Events pulled from other tills never open this drawer.
 */
public final class DrawerOpener {
    private static final Logger log = LoggerFactory.getLogger(DrawerOpener.class);

    private final CashDrawer drawer;

    public DrawerOpener(CashDrawer drawer) {
        this.drawer = drawer;
    }

    public void listenTo(Ledger ledger) {
        ledger.onCommit(this::committed);
    }

    void committed(List<EventEnvelope> events) {
        events.stream()
                .filter(e -> e.payload() instanceof DrawerOpened)
                .findFirst()
                .ifPresent(e -> {
                    log.debug("drawer.open reason={}", ((DrawerOpened) e.payload()).reason());
                    drawer.open();
                });
    }
}
