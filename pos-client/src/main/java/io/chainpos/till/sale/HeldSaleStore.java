package io.chainpos.till.sale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainpos.till.ledger.LedgerSession;
import java.util.List;
import java.util.Optional;

/**
 * Sales parked while the next customer is served (挂单). They are this till's working state, not facts:
 * kept in a local table so they survive a restart, never synced, and gone once recalled.
 */
final class HeldSaleStore {
    private final ObjectMapper mapper;

    HeldSaleStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    int hold(LedgerSession session, SaleSession.Held held, String heldAt) {
        return session.handle().createQuery("INSERT INTO held_sales (held_at, cashier, summary, cart) VALUES "
                        + "(:at, :cashier, :summary, :cart) RETURNING hold_no")
                .bind("at", heldAt).bind("cashier", held.cashier()).bind("summary", held.summary())
                .bind("cart", write(held)).mapTo(Integer.class).one();
    }

    List<SaleSession.HeldSummary> list(LedgerSession session) {
        return session.handle().createQuery("SELECT hold_no, held_at, cashier, summary FROM held_sales ORDER BY hold_no")
                .map((rs, ctx) -> new SaleSession.HeldSummary(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    Optional<SaleSession.Held> take(LedgerSession session, int holdNo) {
        Optional<SaleSession.Held> held = session.handle().createQuery("SELECT cart FROM held_sales WHERE hold_no = :no")
                .bind("no", holdNo).mapTo(String.class).findOne().map(this::read);
        held.ifPresent(h -> session.handle().createUpdate("DELETE FROM held_sales WHERE hold_no = :no").bind("no", holdNo).execute());
        return held;
    }

    private String write(SaleSession.Held held) {
        try {
            return mapper.writeValueAsString(held);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep a held sale", e);
        }
    }

    private SaleSession.Held read(String json) {
        try {
            return mapper.readValue(json, SaleSession.Held.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a held sale cannot be read back: " + e.getOriginalMessage(), e);
        }
    }
}
