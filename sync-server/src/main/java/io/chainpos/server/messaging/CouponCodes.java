package io.chainpos.server.messaging;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The coupon codes given in messages, each once: for what ({@code givenFor}: a campaign id, or a day's birthday
 * greetings) and to whom. Kept before the message is queued, so a restart gives the member the same code again and
 * never gives it to anyone else.
 */
public interface CouponCodes {
    /** Those of {@code codes} already given to somebody. */
    Set<String> givenAmong(Collection<String> codes);

    /** Member id to the code given to it for {@code givenFor}. */
    Map<String, String> given(String givenFor);

    /** Gives {@code code} to the member for {@code givenFor}; false when it was given meanwhile (nothing kept then). */
    boolean give(String promotionCode, String code, String memberId, String givenFor, Instant at);

    /** Takes back the code given to the member for {@code givenFor} (its message was not queued): it is free again. */
    void takeBack(String givenFor, String memberId);

    /** The code given to the member for {@code givenFor}. */
    default Optional<String> given(String givenFor, String memberId) {
        return Optional.ofNullable(given(givenFor).get(memberId));
    }
}
