package io.chainpos.server.auth;

import java.util.Optional;
import java.util.function.Function;

/** Wrong passwords per typed username, changed under a lock so two server nodes counting at once lose no count. */
public interface SignInFailures {
    Optional<Lockout.State> of(String username);

    /** Replaces the state with what {@code change} makes of the current one, atomically, and returns it. */
    Lockout.State update(String username, java.time.Instant now, Function<Optional<Lockout.State>, Lockout.State> change);

    void clear(String username);
}
