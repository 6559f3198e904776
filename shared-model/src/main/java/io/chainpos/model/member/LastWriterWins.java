package io.chainpos.model.member;

import java.util.Comparator;

/**
 * The chain's one last-writer-wins rule: of two writes of the same thing (a profile field, a member's tier, a
 * staff account), the later by hybrid timestamp wins; equal timestamps are broken by till id and then by event
 * id, so every till, every server and every rebuild keeps the same value whatever order the writes arrive in.
 * The last tie-break matters for a till restored from a backup, which can issue a hybrid timestamp again.
 *
 * <p>Stores that keep the winner in SQL take their upsert's condition from {@link #sqlLater}, the same order
 * written for a database, so no storage adapter writes the rule again.
 */
public final class LastWriterWins {
    /** Earlier writes first. */
    public static final Comparator<Stamp> ORDER = Comparator.comparingLong(Stamp::hlc)
            .thenComparing(Stamp::tillId)
            .thenComparing(Stamp::eventId);

    private LastWriterWins() {
    }

    /** True when {@code candidate} replaces {@code current}: there is none yet, or it is strictly later. */
    public static boolean wins(Stamp candidate, Stamp current) {
        return current == null || ORDER.compare(candidate, current) > 0;
    }

    /**
     * The SQL condition under which the row {@code candidate} (e.g. {@code excluded} in an upsert) is strictly
     * later than the row {@code current}, both with columns {@code hlc}, {@code till_id} and {@code event_id}
     * (text compared byte-wise, as the ids are ASCII): {@link #wins} for a database.
     */
    public static String sqlLater(String candidate, String current) {
        String c = candidate + ".";
        String k = current + ".";
        return "(" + c + "hlc > " + k + "hlc"
                + " OR (" + c + "hlc = " + k + "hlc AND " + c + "till_id > " + k + "till_id)"
                + " OR (" + c + "hlc = " + k + "hlc AND " + c + "till_id = " + k + "till_id AND "
                + c + "event_id > " + k + "event_id))";
    }
}
