package io.chainpos.till.device.printer;

import io.chainpos.till.ledger.LedgerSession;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;

/** The print queue's rows in the till's file, and how far the receipt feed has read the ledger. */
public final class PrintJobStore {
    private static final String COLUMNS = "job_id, kind, reference, document, attempts, last_problem, queued_at";

    /** Queues a job; false when its source event was queued before. Moves the feed cursor past the source. */
    boolean add(LedgerSession session, PrintJob.New job, Instant at) {
        Handle h = session.handle();
        int inserted = h.createUpdate("INSERT INTO print_jobs (kind, reference, source_event_id, document, state, queued_at) "
                        + "VALUES (:kind, :reference, :source, :document, 'WAITING', :at) "
                        + "ON CONFLICT (source_event_id) DO NOTHING")
                .bind("kind", job.kind().name())
                .bind("reference", job.reference())
                .bind("source", job.sourceEventId())
                .bind("document", job.document())
                .bind("at", at.toString())
                .execute();
        if (job.sourceEventId() != null) {
            h.createUpdate("INSERT INTO print_feed (till_epoch, through_seq) VALUES (:epoch, :seq) "
                            + "ON CONFLICT (till_epoch) DO UPDATE SET through_seq = MAX(through_seq, :seq)")
                    .bind("epoch", job.sourceEpoch()).bind("seq", job.sourceSeq()).execute();
        }
        return inserted == 1;
    }

    Optional<PrintJob> nextWaiting(LedgerSession session) {
        return session.handle().createQuery("SELECT " + COLUMNS + " FROM print_jobs WHERE state = 'WAITING' "
                        + "ORDER BY job_id LIMIT 1")
                .map((rs, ctx) -> job(rs))
                .findOne();
    }

    /** Every job still waiting, oldest first. */
    public List<PrintJob> waiting(LedgerSession session) {
        return session.handle().createQuery("SELECT " + COLUMNS + " FROM print_jobs WHERE state = 'WAITING' ORDER BY job_id")
                .map((rs, ctx) -> job(rs))
                .list();
    }

    public int waitingCount(LedgerSession session) {
        return session.handle().createQuery("SELECT COUNT(*) FROM print_jobs WHERE state = 'WAITING'")
                .mapTo(Integer.class).one();
    }

    /** The latest job for a reference (a receipt number), printed or not. */
    public Optional<PrintJob> latest(LedgerSession session, String reference) {
        return session.handle().createQuery("SELECT " + COLUMNS + " FROM print_jobs WHERE reference = :reference "
                        + "ORDER BY job_id DESC LIMIT 1")
                .bind("reference", reference)
                .map((rs, ctx) -> job(rs))
                .findOne();
    }

    void markPrinted(LedgerSession session, long jobId, Instant at) {
        session.handle().createUpdate("UPDATE print_jobs SET state = 'PRINTED', printed_at = :at WHERE job_id = :id")
                .bind("at", at.toString()).bind("id", jobId).execute();
    }

    void noteProblem(LedgerSession session, long jobId, String problem) {
        session.handle().createUpdate("UPDATE print_jobs SET attempts = attempts + 1, last_problem = :problem "
                        + "WHERE job_id = :id")
                .bind("problem", problem).bind("id", jobId).execute();
    }

    /** Forgets printed jobs queued before {@code before}: the ledger keeps the sales, reprints re-render them. */
    int forgetPrinted(LedgerSession session, Instant before) {
        return session.handle().createUpdate("DELETE FROM print_jobs WHERE state = 'PRINTED' AND queued_at < :before")
                .bind("before", before.toString()).execute();
    }

    /** The last tillSeq of {@code epoch} the receipt feed has taken in, if it has started on that epoch. */
    OptionalLong feedCursor(LedgerSession session, int epoch) {
        return session.handle().createQuery("SELECT through_seq FROM print_feed WHERE till_epoch = :epoch")
                .bind("epoch", epoch).mapTo(Long.class).findOne()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** Starts the feed at {@code seq} on an epoch it has not seen, so a new install does not print old sales. */
    void startFeed(LedgerSession session, int epoch, long seq) {
        session.handle().createUpdate("INSERT INTO print_feed (till_epoch, through_seq) VALUES (:epoch, :seq) "
                        + "ON CONFLICT (till_epoch) DO NOTHING")
                .bind("epoch", epoch).bind("seq", seq).execute();
    }

    /** Moves the feed cursor past events it decided not to print (too old to reach their customer). */
    void skipFeedTo(LedgerSession session, int epoch, long seq) {
        session.handle().createUpdate("INSERT INTO print_feed (till_epoch, through_seq) VALUES (:epoch, :seq) "
                        + "ON CONFLICT (till_epoch) DO UPDATE SET through_seq = MAX(through_seq, :seq)")
                .bind("epoch", epoch).bind("seq", seq).execute();
    }

    private static PrintJob job(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PrintJob(rs.getLong("job_id"), PrintJob.Kind.valueOf(rs.getString("kind")), rs.getString("reference"),
                rs.getBytes("document"), rs.getInt("attempts"), rs.getString("last_problem"),
                Instant.parse(rs.getString("queued_at")));
    }
}
