package io.chainpos.till.member;

import io.chainpos.model.id.CardNo;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * New member card numbers: 18 digits, "8", the milliseconds since 2024 (13 digits), 3 random digits and a
 * Luhn check digit. Two tills would have to register in the same millisecond and draw the same 3 digits
 * to collide, and the check digit refuses a mistyped number.
 */
final class CardNumbers {
    private static final long EPOCH_2024 = 1_704_067_200_000L;
    private static final int TRIES_A_MILLISECOND = 16;

    private final Clock clock;
    private final RandomGenerator random;

    CardNumbers(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    CardNo next() {
        return next(0);
    }

    /**
     * A number for the {@code attempt}-th try after numbers already taken: every {@value #TRIES_A_MILLISECOND} tries it
     * moves on a millisecond, so a till registering faster than a thousand members a millisecond (an import, a clock
     * standing still) still finds a free one.
     */
    CardNo next(int attempt) {
        long millis = Math.max(0, clock.millis() - EPOCH_2024) + attempt / TRIES_A_MILLISECOND;
        String body = "8" + "%013d".formatted(millis) + "%03d".formatted(random.nextInt(1000));
        return new CardNo(body + luhnDigit(body));
    }

    static boolean isValid(String digits) {
        return digits.matches("\\d{2,}") && luhnDigit(digits.substring(0, digits.length() - 1))
                == digits.charAt(digits.length() - 1) - '0';
    }

    static int luhnDigit(String body) {
        int sum = 0;
        boolean twice = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int d = body.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }
}
