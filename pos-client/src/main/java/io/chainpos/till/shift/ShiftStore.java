package io.chainpos.till.shift;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.ShiftId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.till.ledger.LedgerSession;
import java.util.List;
import java.util.Optional;

/** This till's shifts, and the events of one shift in till order. */
public final class ShiftStore {

    /** A shift: where it starts in the till's sequence and, once closed, where it ends. */
    public record Shift(ShiftId shiftId, int epoch, long openedSeq, String openedBy, long floatAmount, Long closedSeq) {
        public boolean open() {
            return closedSeq == null;
        }
    }

    private final EventCodec codec;

    public ShiftStore(EventCodec codec) {
        this.codec = codec;
    }

    public Optional<Shift> current(LedgerSession session) {
        return session.handle().createQuery("SELECT * FROM shifts WHERE closed_seq IS NULL "
                + "ORDER BY till_epoch DESC, opened_seq DESC LIMIT 1").map((rs, ctx) -> shift(rs)).findOne();
    }

    public Optional<Shift> find(LedgerSession session, ShiftId id) {
        return session.handle().createQuery("SELECT * FROM shifts WHERE shift_id = :id").bind("id", id.toString())
                .map((rs, ctx) -> shift(rs)).findOne();
    }

    /** The shift's own events, from its opening to its closing (or to now while it is open). */
    public List<EventEnvelope> events(LedgerSession session, Shift shift) {
        return session.handle().createQuery("SELECT envelope FROM ledger_events WHERE till_epoch = :epoch AND till_seq >= :from "
                        + "AND till_seq <= :to ORDER BY till_seq")
                .bind("epoch", shift.epoch())
                .bind("from", shift.openedSeq())
                .bind("to", shift.closedSeq() == null ? Long.MAX_VALUE : shift.closedSeq())
                .map((rs, ctx) -> codec.fromJson(rs.getString(1)))
                .list();
    }

    private static Shift shift(java.sql.ResultSet rs) throws java.sql.SQLException {
        long closed = rs.getLong("closed_seq");
        Long closedSeq = rs.wasNull() ? null : closed;
        return new Shift(ShiftId.parse(rs.getString("shift_id")), rs.getInt("till_epoch"), rs.getLong("opened_seq"),
                rs.getString("opened_by"), rs.getLong("float_amount"), closedSeq);
    }
}
