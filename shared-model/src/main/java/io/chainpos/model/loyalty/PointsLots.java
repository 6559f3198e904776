package io.chainpos.model.loyalty;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A member's points as lots by earn date, first in first out: a positive change adds a lot dated the day it
 * happened (after paying back any overdraft), a negative change takes from the oldest lots first, and what no
 * lot covers is an overdraft (points spent twice at two offline tills). Lots are never negative. Pure:
 * {@link #apply} returns a new value.
 */
public record PointsLots(List<Lot> lots, long overdraft) {

    /** {@code remaining} points earned on {@code earned}. */
    public record Lot(LocalDate earned, long remaining) {
        public Lot {
            if (remaining <= 0) {
                throw new IllegalArgumentException("a lot holds points: " + remaining);
            }
        }
    }

    /** One change as lots see it: the store-local day it happened and its delta. */
    public record Change(LocalDate day, long delta) {
    }

    public static final PointsLots EMPTY = new PointsLots(List.of(), 0);

    public PointsLots {
        lots = List.copyOf(lots);
        if (overdraft < 0) {
            throw new IllegalArgumentException("an overdraft is counted as a positive number");
        }
    }

    /** Folds changes in the order they happened. */
    public static PointsLots of(Iterable<Change> changes) {
        PointsLots lots = EMPTY;
        for (Change change : changes) {
            lots = lots.apply(change);
        }
        return lots;
    }

    public PointsLots apply(Change change) {
        Deque<Lot> next = new ArrayDeque<>(lots);
        long owed = overdraft;
        long delta = change.delta();
        if (delta > 0) {
            long repaid = Math.min(owed, delta);
            owed -= repaid;
            long left = delta - repaid;
            if (left > 0) {
                // Lots stay in earn-date order even when a change dated earlier arrives late.
                List<Lot> ordered = new ArrayList<>(next);
                int at = ordered.size();
                while (at > 0 && ordered.get(at - 1).earned().isAfter(change.day())) {
                    at--;
                }
                ordered.add(at, new Lot(change.day(), left));
                next = new ArrayDeque<>(ordered);
            }
        } else if (delta < 0) {
            long take = -delta;
            while (take > 0 && !next.isEmpty()) {
                Lot oldest = next.pollFirst();
                long used = Math.min(oldest.remaining(), take);
                take -= used;
                if (oldest.remaining() > used) {
                    next.addFirst(new Lot(oldest.earned(), oldest.remaining() - used));
                }
            }
            owed += take;
        }
        return new PointsLots(List.copyOf(next), owed);
    }

    public long balance() {
        return lots.stream().mapToLong(Lot::remaining).sum() - overdraft;
    }

    /**
     * The last day a lot earned on {@code earned} may be spent: the end of the month {@code expiryMonths}
     * after the month it was earned. Points earned on 15 March with 12 months are good through 31 March of
     * the next year and expire on 1 April.
     */
    public static LocalDate lastDay(LocalDate earned, int expiryMonths) {
        return YearMonth.from(earned).plusMonths(expiryMonths).atEndOfMonth();
    }

    /** Points whose last day is before {@code day}: what expires when {@code day} begins (0 when lots never expire). */
    public long expiredOn(LocalDate day, int expiryMonths) {
        if (expiryMonths <= 0) {
            return 0;
        }
        return lots.stream().filter(l -> lastDay(l.earned(), expiryMonths).isBefore(day)).mapToLong(Lot::remaining).sum();
    }

    /** Points still good on {@code today} whose last day falls within the next {@code days} days (today included). */
    public long expiringWithin(LocalDate today, int days, int expiryMonths) {
        if (expiryMonths <= 0) {
            return 0;
        }
        LocalDate until = today.plusDays(days);
        return lots.stream().filter(l -> {
            LocalDate last = lastDay(l.earned(), expiryMonths);
            return !last.isBefore(today) && last.isBefore(until);
        }).mapToLong(Lot::remaining).sum();
    }
}
