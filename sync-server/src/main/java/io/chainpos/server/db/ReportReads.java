package io.chainpos.server.db;

import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * What head office's reports read through: reads only, on the read replica when the server has one
 * ({@code --read-db}), else on the primary. It has no {@code write}, and on the replica its connections are
 * read-only in PostgreSQL as well: an adapter built on it does not change the database, and one that must see
 * its own writes (a form after saving, a till's pull) is built on {@link Database} instead. The composition root decides which adapters get which; {@link Database} is one
 * too, for a server without a replica and for tests.
 *
 * <p>The rule, per feature. On the replica: the sales reports and today's sales, what members bought together,
 * the member report (RFM, churn), liabilities, stock levels, transfers, discrepancies and stocktakes, and the
 * home page's figures, with their CSV exports. On the
 * primary: every write; everything a till reads (pull, snapshot, push, enrollment, member lookup); sign-in,
 * sessions and form tokens; the exception counts, which must drop as soon as one is resolved; every page that
 * edits (catalog, promotions, stores, users, minimums, proposals), since it shows what was just saved; and
 * the use-cases that decide and write on what they read (stock planning, messaging, period end).
 */
public interface ReportReads {

    /** Runs {@code work} on a reader, each statement seeing what was committed (or replicated) when it started. */
    <T> T read(Function<Handle, T> work);

    /** Runs {@code work} in one read-only transaction that sees a single committed state throughout. */
    <T> T readConsistent(Function<Handle, T> work);
}
