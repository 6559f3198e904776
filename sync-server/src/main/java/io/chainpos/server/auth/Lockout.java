package io.chainpos.server.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rule for wrong passwords, per typed username: after each one the next try must wait longer (1, 2, 4, 8 s);
 * the fifth in a row locks the name for 15 minutes. A right password clears the count; so does a lock ending.
 */
public record Lockout(int lockAfter, Duration lockFor, Duration firstDelay) {
    public static final Lockout STANDARD = new Lockout(5, Duration.ofMinutes(15), Duration.ofSeconds(1));
    /**
     * Unknown enrollment codes per address: ten in a row lock the address for 15 minutes. A code has 80 random bits
     * and lives 7 days, so this is defence in depth against a flood, not what makes a code hard to guess.
     */
    public static final Lockout ENROLLMENT = new Lockout(10, Duration.ofMinutes(15), Duration.ZERO);

    /** The count of wrong passwords for one name, when the next try may come, and until when it is locked. */
    public record State(int failures, Instant retryAfter, Optional<Instant> lockedUntil) {
    }

    /** What one more wrong password makes of {@code before}. */
    public State failed(Optional<State> before, Instant now) {
        int failures = before.filter(s -> !lockEnded(s, now)).map(State::failures).orElse(0) + 1;
        if (failures >= lockAfter) {
            Instant until = now.plus(lockFor);
            return new State(failures, until, Optional.of(until));
        }
        return new State(failures, now.plus(firstDelay.multipliedBy(1L << Math.min(failures - 1, 10))), Optional.empty());
    }

    public boolean isLocked(Optional<State> state, Instant now) {
        return state.flatMap(State::lockedUntil).filter(now::isBefore).isPresent();
    }

    /** How long before the next try is looked at; zero when it may come now. */
    public Duration wait(Optional<State> state, Instant now) {
        return state.filter(s -> now.isBefore(s.retryAfter())).map(s -> Duration.between(now, s.retryAfter())).orElse(Duration.ZERO);
    }

    private static boolean lockEnded(State state, Instant now) {
        return state.lockedUntil().filter(until -> !now.isBefore(until)).isPresent();
    }
}
