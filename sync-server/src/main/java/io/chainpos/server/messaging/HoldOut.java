package io.chainpos.server.messaging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The members a campaign sends nothing to, so its report can tell what the messages changed: a random
 * {@code percent} of the target, shuffled from {@code seed} (the draw is kept with the campaign's members).
 */
final class HoldOut {
    private HoldOut() {
    }

    static Set<String> draw(List<String> target, int percent, long seed) {
        if (percent < 0 || percent > 90) {
            throw new IllegalArgumentException("a hold-out is 0 to 90 percent");
        }
        List<String> shuffled = new ArrayList<>(target.stream().sorted().toList());
        java.util.Collections.shuffle(shuffled, new Random(seed));
        int held = (int) Math.round(shuffled.size() * percent / 100.0);
        return new HashSet<>(shuffled.subList(0, held));
    }
}
