package io.chainpos.till.shift;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.ShiftId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.till.ledger.LedgerSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** This till's shifts, and the events of one shift in till order. */
public final class ShiftStore {

    /**
     * A shift: where it starts in the till's epochs and sequences and, once closed, where it ends (a shift opened before
     * the till was replaced ends under a later epoch than it started).
     */
    public record Shift(ShiftId shiftId, int epoch, long openedSeq, String openedBy, long floatAmount, Integer closedEpoch,
                        Long closedSeq) {
        public boolean open() {
            return closedSeq == null;
        }
    }

    /** The open shift's row: the newest shift not closed. */
    private static final String OPEN_SHIFT = "FROM shifts WHERE closed_seq IS NULL "
            + "ORDER BY till_epoch DESC, opened_seq DESC LIMIT 1";
    private final EventCodec codec;

    public ShiftStore(EventCodec codec) {
        this.codec = codec;
    }

    public Optional<Shift> current(LedgerSession session) {
        return session.handle().createQuery("SELECT * " + OPEN_SHIFT).map((rs, ctx) -> shift(rs)).findOne();
    }

    /** When the open shift was opened, or empty when none is open: its row alone, none of its events read. */
    public Optional<java.time.Instant> openSince(LedgerSession session) {
        return session.handle().createQuery("SELECT opened_at " + OPEN_SHIFT).mapTo(String.class).findOne()
                .map(java.time.Instant::parse);
    }

    public Optional<Shift> find(LedgerSession session, ShiftId id) {
        return session.handle().createQuery("SELECT * FROM shifts WHERE shift_id = :id").bind("id", id.toString())
                .map((rs, ctx) -> shift(rs)).findOne();
    }

    /**
     * The shift's own events, from its opening to its closing (or to now while it is open), in till order. Those of an
     * earlier epoch than the till's current one are not in this ledger's own events when the till was replaced or
     * restored: they came back from the server with the other tills' events.
     */
    public List<EventEnvelope> events(LedgerSession session, Shift shift) {
        int toEpoch = shift.closedEpoch() == null ? Integer.MAX_VALUE : shift.closedEpoch();
        long toSeq = shift.closedSeq() == null ? Long.MAX_VALUE : shift.closedSeq();
        List<EventEnvelope> events = new ArrayList<>(session.handle().createQuery("SELECT envelope FROM ledger_events "
                        + "WHERE (till_epoch, till_seq) >= (:epoch, :from) AND (till_epoch, till_seq) <= (:toEpoch, :to) "
                        + "ORDER BY till_epoch, till_seq")
                .bind("epoch", shift.epoch())
                .bind("from", shift.openedSeq())
                .bind("toEpoch", toEpoch)
                .bind("to", toSeq)
                .map((rs, ctx) -> codec.fromJson(rs.getString(1)))
                .list());
        Set<EventId> own = new HashSet<>();
        events.forEach(e -> own.add(e.eventId()));
        session.handle().createQuery("SELECT r.envelope FROM remote_events r JOIN till_identity i ON i.id = 1 "
                        + "WHERE r.till_id = i.till_id AND i.till_epoch > :epoch")
                .bind("epoch", shift.epoch())
                .map((rs, ctx) -> codec.fromJson(rs.getString(1)))
                .forEach(e -> {
                    if (within(e, shift.epoch(), shift.openedSeq(), toEpoch, toSeq) && own.add(e.eventId())) {
                        events.add(e);
                    }
                });
        events.sort(TILL_ORDER);
        return events;
    }

    private static final Comparator<EventEnvelope> TILL_ORDER =
            Comparator.comparingInt(EventEnvelope::tillEpoch).thenComparingLong(EventEnvelope::tillSeq);

    private static boolean within(EventEnvelope e, int fromEpoch, long fromSeq, int toEpoch, long toSeq) {
        boolean afterStart = e.tillEpoch() > fromEpoch || (e.tillEpoch() == fromEpoch && e.tillSeq() >= fromSeq);
        boolean beforeEnd = e.tillEpoch() < toEpoch || (e.tillEpoch() == toEpoch && e.tillSeq() <= toSeq);
        return afterStart && beforeEnd;
    }

    private static Shift shift(java.sql.ResultSet rs) throws java.sql.SQLException {
        long closed = rs.getLong("closed_seq");
        Long closedSeq = rs.wasNull() ? null : closed;
        int epoch = rs.getInt("till_epoch");
        int closedIn = rs.getInt("closed_epoch");
        Integer closedEpoch = closedSeq == null ? null : rs.wasNull() ? epoch : closedIn;
        return new Shift(ShiftId.parse(rs.getString("shift_id")), epoch, rs.getLong("opened_seq"),
                rs.getString("opened_by"), rs.getLong("float_amount"), closedEpoch, closedSeq);
    }
}
