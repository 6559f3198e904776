package io.chainpos.server.promotion;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.PromotionsPublished;
import io.chainpos.model.promotion.Promotion;
import io.chainpos.model.promotion.Rule;
import io.chainpos.server.audit.AuditLog;
import io.chainpos.server.catalog.Problem;
import io.chainpos.server.headoffice.HeadOffice;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Head office's changes to its promotions. The tills replace their promotions with each published set as a whole
 * ({@code PromotionsPublished}), so adding, changing or removing one promotion publishes the next version of the
 * whole set, in effect at once (each promotion's own validity says when it applies). A change names the set version
 * it started from: if another was published meanwhile, nothing is published and the editor is told.
 */
public final class PromotionEditor {
    private final Promotions promotions;
    private final HeadOffice headOffice;
    private final AuditLog audit;
    private final Clock clock;

    public PromotionEditor(Promotions promotions, HeadOffice headOffice, AuditLog audit, Clock clock) {
        this.promotions = promotions;
        this.headOffice = headOffice;
        this.audit = audit;
        this.clock = clock;
    }

    public sealed interface Outcome {
        record Done(String code) implements Outcome {
        }

        record Refused(List<Problem> problems) implements Outcome {
        }

        /** Another set was published since the form was opened: nothing was published. */
        record Stale(PromotionSet current) implements Outcome {
        }

        record NoSuchPromotion() implements Outcome {
        }
    }

    /** Adds {@code promotion} ({@code replacing} null) or puts it in place of the promotion coded {@code replacing}. */
    public Outcome save(String actor, long setVersion, String replacing, Promotion promotion) {
        PromotionSet current = promotions.latest();
        if (replacing != null && current.find(replacing).isEmpty()) {
            return new Outcome.NoSuchPromotion();
        }
        List<Problem> problems = new ArrayList<>();
        if (!promotion.code().equals(replacing) && current.find(promotion.code()).isPresent()) {
            problems.add(new Problem("code", "code-taken", promotion.code()));
        }
        if (promotion.rule() instanceof Rule.Coupon coupon) {
            current.promotions().stream().filter(p -> !p.code().equals(replacing))
                    .filter(p -> p.rule() instanceof Rule.Coupon).flatMap(p -> ((Rule.Coupon) p.rule()).codes().stream()
                            .filter(coupon.codes()::contains).map(code -> new Problem("codes", "coupon-taken", code, p.code())))
                    .findFirst().ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            return new Outcome.Refused(problems);
        }
        List<Promotion> next = new ArrayList<>(current.promotions().stream().filter(p -> !p.code().equals(replacing)).toList());
        next.add(promotion);
        return publish(actor, setVersion, next, replacing == null ? "promotion.created" : "promotion.changed", promotion);
    }

    public Outcome remove(String actor, long setVersion, String code) {
        PromotionSet current = promotions.latest();
        if (current.find(code).isEmpty()) {
            return new Outcome.NoSuchPromotion();
        }
        return publish(actor, setVersion, current.promotions().stream().filter(p -> !p.code().equals(code)).toList(),
                "promotion.removed", current.find(code).get());
    }

    private Outcome publish(String actor, long setVersion, List<Promotion> next, String action, Promotion promotion) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int published = headOffice.publishDecided(() -> promotions.latest().version() == setVersion
                ? List.<Event>of(new PromotionsPublished(setVersion + 1, now, next)) : List.of());
        if (published == 0) {
            return new Outcome.Stale(promotions.latest());
        }
        audit.record(actor, action, promotion.code(), null, PromotionRules.kindOf(promotion.rule()) + " · set " + (setVersion + 1));
        return new Outcome.Done(promotion.code());
    }
}
