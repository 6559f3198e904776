package io.chainpos.till.ledger;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import java.util.Optional;

/**
 * The till's identity and server link in the {@code till_identity} row; the identity is kept in memory too. The bearer
 * token is kept wrapped by the till's key-encryption key ({@link SecretWrap}): a ledger copied without the key file
 * has no link, and cannot push as the till.
 */
final class SqliteTillRegistration implements TillRegistration {
    /** The name the token is wrapped under (bound to the wrapped value). */
    static final String TOKEN = "till.token";

    private final LedgerFile file;
    private final SyncMarks marks;
    private final SecretWrap wrap;
    private volatile TillIdentity identity;

    SqliteTillRegistration(LedgerFile file, SyncMarks marks, SecretWrap wrap) {
        this.file = file;
        this.marks = marks;
        this.wrap = wrap;
        this.identity = file.read(s -> s.handle().createQuery("SELECT store_id, till_id, till_epoch FROM till_identity WHERE id = 1")
                .map((rs, ctx) -> new TillIdentity(new StoreId(rs.getString(1)), new TillId(rs.getString(2)), rs.getInt(3)))
                .findOne()).orElse(null);
    }

    @Override
    public Optional<TillIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    @Override
    public void enroll(TillIdentity newIdentity) {
        synchronized (file) {
            TillIdentity current = identity;
            if (current != null && !current.tillId().equals(newIdentity.tillId()) && marks.pendingCount() > 0) {
                throw new IllegalStateException("till " + current.tillId() + " still has events to send; it cannot become "
                        + newIdentity.tillId() + " before they are acknowledged");
            }
            if (current != null && current.tillId().equals(newIdentity.tillId()) && newIdentity.epoch() < current.epoch()) {
                throw new IllegalStateException("epoch " + newIdentity.epoch() + " is older than this till's epoch "
                        + current.epoch());
            }
            file.inTransaction(h -> h.createUpdate("INSERT INTO till_identity (id, store_id, till_id, till_epoch) "
                            + "VALUES (1, :store, :till, :epoch) ON CONFLICT (id) DO UPDATE SET store_id = :store, "
                            + "till_id = :till, till_epoch = :epoch")
                    .bind("store", newIdentity.storeId().value())
                    .bind("till", newIdentity.tillId().value())
                    .bind("epoch", newIdentity.epoch())
                    .execute());
            identity = newIdentity;
        }
    }

    @Override
    public Optional<ServerLink> serverLink() {
        return file.read(s -> s.handle().createQuery("SELECT server_url, token FROM till_identity WHERE id = 1 "
                        + "AND token IS NOT NULL")
                .map((rs, ctx) -> new ServerLink(rs.getString(1), rs.getString(2)))
                .findOne()).flatMap(stored -> wrap.unwrap(TOKEN, stored.token()).map(token -> new ServerLink(stored.serverUrl(), token)));
    }

    @Override
    public void link(ServerLink link) {
        int updated = file.inTransaction(h -> h.createUpdate("UPDATE till_identity SET server_url = :url, token = :token "
                        + "WHERE id = 1")
                .bind("url", link.serverUrl()).bind("token", wrap.wrap(TOKEN, link.token())).execute());
        if (updated != 1) {
            throw new IllegalStateException("enroll the till before linking it to a server");
        }
    }

    @Override
    public boolean wrapClearToken() {
        synchronized (file) {
            Optional<ServerLink> stored = file.read(s -> s.handle().createQuery("SELECT server_url, token FROM till_identity "
                            + "WHERE id = 1 AND token IS NOT NULL")
                    .map((rs, ctx) -> new ServerLink(rs.getString(1), rs.getString(2))).findOne());
            if (stored.isEmpty() || stored.get().token().startsWith(SecretWrap.WRAPPED)
                    || wrap.wrap(TOKEN, stored.get().token()).equals(stored.get().token())) {
                return false;
            }
            link(stored.get());
            return true;
        }
    }
}
