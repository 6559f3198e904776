package io.chainpos.server.tills;

import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.ListSpec;
import io.chainpos.server.web.Slice;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The enrolled tills, of one store or the whole chain, each with its current epoch, whether head office revoked it,
 * and its last contact as sync recorded it.
 */
public interface EnrolledTills {
    ListSpec LIST = new ListSpec(List.of(new ListSpec.Column("till", "t.till_id", false),
            new ListSpec.Column("store", "t.store_id", false),
            new ListSpec.Column("contact", "COALESCE(a.contact_ms, 0)", true)),
            new ListSpec.Column("till", "t.till_id", false), "till", false, Set.of("store"), 50);

    /**
     * A till. The times are null before its first push or pull; {@code waiting} is how many log sequences came after
     * what it last pulled (null before its first pull), {@code pullLag} how many it was behind when it last pulled.
     */
    record Till(String tillId, String store, int epoch, boolean live, Instant revoked, Instant lastPush, Instant lastPull,
                Instant lastContact, Long waiting, Long pullLag, String appVersion, List<NotReceived> notReceived) {
        public Till {
            notReceived = List.copyOf(notReceived);
        }
    }

    /**
     * What a till said its ledger holds in {@code epoch} and this server has not received: events {@code fromSeq} to
     * {@code toSeq}, and among them receipts {@code firstReceipt} to {@code lastReceipt} ({@code receipts} of them;
     * none when the receipts all arrived or the till did not say).
     */
    record NotReceived(int epoch, long fromSeq, long toSeq, String firstReceipt, String lastReceipt, long receipts) {
    }

    /** A page of tills of {@code store}, or of the chain (filter {@code store} then narrows it). */
    Slice<Till> list(Optional<String> store, ListRequest request);

    Optional<Till> find(String tillId);
}
