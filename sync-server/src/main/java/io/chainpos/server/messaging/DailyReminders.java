package io.chainpos.server.messaging;

import io.chainpos.server.loyalty.ExpiringPointsReport;
import io.chainpos.server.member.MemberActivities;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues the day's service messages once a day in head office's zone, each with the template head office wrote for
 * its kind (none written, none sent): points that reach their last day within {@link #POINTS_AHEAD_DAYS} days (a
 * member is told once in {@link #POINTS_AGAIN_AFTER}), yesterday's moves up a tier, the day's birthdays
 * ({@link BirthdayGreetings}) and stored value fallen below head office's threshold ({@link StoredValueLow}; no
 * threshold set, nobody told). A second run the same day, or a restart, queues nobody twice.
 */
public final class DailyReminders implements AutoCloseable {
    public static final int POINTS_AHEAD_DAYS = 14;
    static final Duration POINTS_AGAIN_AFTER = Duration.ofDays(30);
    private static final Logger LOG = LoggerFactory.getLogger(DailyReminders.class);

    /** What one day's run queued, per kind. */
    public record Day(Reminders.Count pointsExpiring, Reminders.Count tierUpgrades, Reminders.Count birthdays,
                      Reminders.Count storedValueLow) {
    }

    /** The scheduled messages beyond points and tiers, and the settings head office gave them. */
    public record Scheduled(BirthdayGreetings birthdays, StoredValueLow storedValueLow, MessageSettings settings) {
    }

    private final Templates templates;
    private final Reminders reminders;
    private final Outbox outbox;
    private final Function<LocalDate, ExpiringPointsReport.Report> expiring;
    private final MemberActivities activities;
    private final Supplier<List<String>> tierOrder;
    private final Scheduled scheduled;
    private final ZoneId zone;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("message-reminders").daemon().factory());
    private LocalDate lastRun;

    public DailyReminders(Templates templates, Reminders reminders, Outbox outbox, Function<LocalDate, ExpiringPointsReport.Report> expiring,
                          MemberActivities activities, Supplier<List<String>> tierOrder, Scheduled scheduled, ZoneId zone, Clock clock) {
        this.scheduled = scheduled;
        this.templates = templates;
        this.reminders = reminders;
        this.outbox = outbox;
        this.expiring = expiring;
        this.activities = activities;
        this.tierOrder = tierOrder;
        this.zone = zone;
        this.clock = clock;
    }

    public DailyReminders start() {
        scheduler.scheduleWithFixedDelay(this::runIfNewDay, 30, 5 * 60, TimeUnit.SECONDS);
        return this;
    }

    private void runIfNewDay() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (today.equals(lastRun)) {
            return;
        }
        try {
            Day day = run(today);
            lastRun = today;
            LOG.atInfo().setMessage("message_reminders").addKeyValue("points_expiring", day.pointsExpiring().queued())
                    .addKeyValue("tier_upgrades", day.tierUpgrades().queued())
                    .addKeyValue("birthdays", day.birthdays().queued()).addKeyValue("stored_value_low", day.storedValueLow().queued()).log();
        } catch (RuntimeException e) {
            LOG.error("message_reminders_failed", e);
        }
    }

    /** Queues {@code today}'s reminders. */
    public Day run(LocalDate today) {
        Reminders.Count points = new Reminders.Count(0, 0);
        Optional<MessageTemplate> pointsTemplate = newest(MessageKind.POINTS_EXPIRING);
        if (pointsTemplate.isPresent()) {
            ExpiringPointsReport.Report report = expiring.apply(today);
            var since = clock.instant().minus(POINTS_AGAIN_AFTER);
            List<ExpiringPointsReport.Line> notYetTold = report.members().stream()
                    .filter(line -> !outbox.hadKindSince(line.memberId(), MessageKind.POINTS_EXPIRING, since)).toList();
            points = reminders.pointsExpiring(new ExpiringPointsReport.Report(report.day(), report.days(), report.expiryMonths(), notYetTold),
                    pointsTemplate.get(), "zh");
        }
        Reminders.Count tiers = new Reminders.Count(0, 0);
        Optional<MessageTemplate> tierTemplate = newest(MessageKind.TIER_UPGRADE);
        if (tierTemplate.isPresent()) {
            var from = today.minusDays(1).atStartOfDay(zone).toInstant();
            long until = today.atStartOfDay(zone).toInstant().toEpochMilli();
            List<MemberActivities.TierMove> moves = activities.tiers(from.toEpochMilli(), until).moved().stream()
                    .filter(m -> !outbox.hadKindSince(m.memberId(), MessageKind.TIER_UPGRADE, from)).toList();
            tiers = reminders.tierUpgrades(moves, tierOrder.get(), tierTemplate.get(), "zh");
        }
        MessageSettings.Values settings = scheduled.settings().values();
        Reminders.Count birthdays = newest(MessageKind.BIRTHDAY)
                .map(t -> scheduled.birthdays().run(today, t, settings.birthdayCouponPromotion())).orElse(new Reminders.Count(0, 0));
        Reminders.Count low = new Reminders.Count(0, 0);
        Optional<MessageTemplate> lowTemplate = newest(MessageKind.STORED_VALUE_LOW);
        if (lowTemplate.isPresent() && settings.storedValueLowBelow().isPresent()) {
            low = scheduled.storedValueLow().run(lowTemplate.get(), settings.storedValueLowBelow().get());
        }
        return new Day(points, tiers, birthdays, low);
    }

    private Optional<MessageTemplate> newest(MessageKind kind) {
        return templates.all().stream().filter(t -> t.kind() == kind).max(Comparator.comparing(MessageTemplate::templateId));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
