package io.chainpos.server.messaging;

import io.chainpos.model.id.MemberId;
import io.chainpos.server.member.StoredValues;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A day's stored-value-low messages. A member is told once each time their stored value (paid and bonus) falls below
 * head office's threshold: a day's run that sees them at or above it starts watching them, and the first later run
 * that sees them below it tells them and stops; topping up above it again starts the watch again. A member never seen
 * at or above the threshold is never told (a member who never used a stored-value card, or whose card was always
 * small, has nothing "running low"), and neither is one who went up and down again between two runs. Changing the
 * threshold starts the watch afresh ({@link MessageSettings#save}), so it tells nobody at once. A message the weekly
 * cap refused is tried again the next day while the member stays below; any other refusal (no consent, erased) ends
 * that fall. A message already queued since the watch began (a run interrupted before it stopped watching) is not
 * queued twice.
 */
final class StoredValueLow {
    private final StoredValues values;
    private final StoredValueWatch watch;
    private final Messaging messaging;
    private final Outbox outbox;
    private final Clock clock;

    StoredValueLow(StoredValues values, StoredValueWatch watch, Messaging messaging, Outbox outbox, Clock clock) {
        this.values = values;
        this.watch = watch;
        this.messaging = messaging;
        this.outbox = outbox;
        this.clock = clock;
    }

    Reminders.Count run(MessageTemplate template, long threshold) {
        Map<String, Long> balances = values.bySurvivor();
        Map<String, Instant> watched = watch.watched();
        Instant now = clock.instant();
        List<String> done = new ArrayList<>();
        Reminders.Count count = new Reminders.Count(0, 0);
        for (Map.Entry<String, Instant> w : new java.util.TreeMap<>(watched).entrySet()) {
            Long balance = balances.get(w.getKey());
            if (balance == null || outbox.hadKindSince(w.getKey(), MessageKind.STORED_VALUE_LOW, w.getValue())) {
                done.add(w.getKey());
            } else if (balance < threshold) {
                Messaging.Outcome outcome = messaging.queue(MemberId.parse(w.getKey()), template, "zh", Map.of(), null);
                count = count.plus(outcome);
                if (!(outcome instanceof Messaging.Refused r && r.why() == Messaging.Why.WEEKLY_CAP)) {
                    done.add(w.getKey());
                }
            }
        }
        watch.unwatch(done);
        List<String> above = balances.entrySet().stream().filter(b -> b.getValue() >= threshold && !watched.containsKey(b.getKey()))
                .map(Map.Entry::getKey).toList();
        watch.watch(above, now);
        return count;
    }
}
