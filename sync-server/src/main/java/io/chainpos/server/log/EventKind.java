package io.chainpos.server.log;

import io.chainpos.model.event.AuditEvent;
import io.chainpos.model.event.EventTypes;
import io.chainpos.model.event.SaleEvent;
import io.chainpos.model.event.StoredValueToppedUp;
import io.chainpos.model.event.TopUpRefunded;

/**
 * The two kinds of stored event, by what a snapshot needs of them. A record (a sale, a refund, a void, a coupon used,
 * an audit act at the counter, a top-up and its refund) is left out of a snapshot once it is older than the pull
 * retention; every other event is state a new till's snapshot may read from the beginning. On PostgreSQL the kind is
 * the events table's first partition key (V250): records are partitioned by month and old months can be detached,
 * state never is.
 */
public enum EventKind {
    STATE("S"),
    RECORD("R");

    private final String code;

    EventKind(String code) {
        this.code = code;
    }

    /** As stored in the events table's kind column. */
    public String code() {
        return code;
    }

    /** The kind of an event of {@code type}; a type this server does not know is state, kept for ever. */
    public static EventKind of(String type) {
        return EventTypes.byName(type).map(t -> isRecord(t) ? RECORD : STATE).orElse(STATE);
    }

    static boolean isRecord(EventTypes.Type type) {
        Class<?> java = type.javaType();
        return SaleEvent.class.isAssignableFrom(java) || AuditEvent.class.isAssignableFrom(java)
                || java == StoredValueToppedUp.class || java == TopUpRefunded.class;
    }
}
