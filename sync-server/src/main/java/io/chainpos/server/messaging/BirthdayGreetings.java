package io.chainpos.server.messaging;

import io.chainpos.model.id.MemberId;
import io.chainpos.server.member.Birthdays;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A day's birthday greetings: every member born on that day (month and day in head office's zone; a member born on
 * 29 February is greeted on 28 February when the year has no 29th), once a day, through {@link Messaging} like
 * every message. When head office named a birthday coupon promotion and the wording uses {couponCode}, each greeting
 * carries one free code of it, kept before the message is queued and taken back when the rules refuse it. Finding
 * the day's members opens every sealed birthday ({@link Birthdays}).
 */
final class BirthdayGreetings {
    private final Birthdays birthdays;
    private final Messaging messaging;
    private final Outbox outbox;
    private final CouponBatches coupons;
    private final CouponCodes given;
    private final ZoneId zone;
    private final Clock clock;

    BirthdayGreetings(Birthdays birthdays, Messaging messaging, Outbox outbox, CouponBatches coupons, CouponCodes given, ZoneId zone,
                      Clock clock) {
        this.birthdays = birthdays;
        this.messaging = messaging;
        this.outbox = outbox;
        this.coupons = coupons;
        this.given = given;
        this.zone = zone;
        this.clock = clock;
    }

    /** The month-days greeted on {@code day}. */
    static List<MonthDay> greetedOn(LocalDate day) {
        MonthDay today = MonthDay.from(day);
        return !day.isLeapYear() && today.equals(MonthDay.of(Month.FEBRUARY, 28))
                ? List.of(today, MonthDay.of(Month.FEBRUARY, 29)) : List.of(today);
    }

    Reminders.Count run(LocalDate day, MessageTemplate template, Optional<String> couponPromotion) {
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        boolean wantsCode = Placeholders.unfilled(template.body("zh") + template.body("en"), Map.of()).contains("couponCode");
        String givenFor = "BIRTHDAY " + day;
        Reminders.Count count = new Reminders.Count(0, 0);
        for (String member : birthdays.bornOn(greetedOn(day))) {
            if (outbox.hadKindSince(member, MessageKind.BIRTHDAY, dayStart.minusMillis(1))) {
                continue;
            }
            Optional<String> code = wantsCode ? couponPromotion.flatMap(p -> coupons.giveOne(p, member, givenFor, clock.instant()))
                    : Optional.empty();
            Messaging.Outcome outcome = messaging.queue(MemberId.parse(member), template, "zh",
                    code.map(c -> Map.of("couponCode", c)).orElse(Map.of()), null);
            if (outcome instanceof Messaging.Refused && code.isPresent()) {
                given.takeBack(givenFor, member);
            }
            count = count.plus(outcome);
        }
        return count;
    }
}
