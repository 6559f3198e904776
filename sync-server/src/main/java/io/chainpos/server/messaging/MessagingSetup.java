package io.chainpos.server.messaging;

import io.chainpos.server.db.Database;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.member.JdbcMarketingConsent;
import io.chainpos.server.member.MarketingConsent;
import io.chainpos.server.member.MemberActivities;
import io.chainpos.server.member.Members;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages to members as the server runs them, from its environment: {@code CHAINPOS_MESSAGES_WEBHOOK_URL} and
 * {@code CHAINPOS_MESSAGES_WEBHOOK_SECRET} send through a provider's webhook; otherwise {@code CHAINPOS_MESSAGES_FILE}
 * (the demo's {@code messages.jsonl} by default when demo data is on) appends them to a file; with neither, messages
 * wait in the outbox. {@code CHAINPOS_MESSAGES_QUIET} (default {@code 21:00-08:00}) and
 * {@code CHAINPOS_MESSAGES_WEEKLY_CAP} (default 2) are the rules.
 */
public final class MessagingSetup implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MessagingSetup.class);

    private final MessagePages pages;
    private final OptOutRoutes optOuts;
    private final MessageSender sender;
    private final DailyReminders reminders;
    private final Messaging messaging;

    /** What the messages read from other features: purchases, promotions and their redemptions, birthdays, stored value. */
    public record Sources(io.chainpos.server.sales.CoPurchases purchases, io.chainpos.server.promotion.Promotions promotions,
                          io.chainpos.server.promotion.CouponRedemptions redemptions, io.chainpos.server.member.Birthdays birthdays,
                          io.chainpos.server.member.StoredValues storedValues) {
    }

    public MessagingSetup(Database db, Members members, MemberActivities activities, HeadOffice headOffice,
                          Function<String, Optional<String>> memberByCard, ZoneId zone, Clock clock, Map<String, String> env,
                          Optional<Path> demoFile, Function<java.time.LocalDate, io.chainpos.server.loyalty.ExpiringPointsReport.Report> expiring,
                          java.util.function.Supplier<java.util.List<String>> tierOrder, Sources sources) {
        Outbox outbox = new JdbcOutbox(db);
        MarketingConsent consent = new JdbcMarketingConsent(db);
        QuietHours quiet = quiet(env.getOrDefault("CHAINPOS_MESSAGES_QUIET", "21:00-08:00"), zone);
        this.messaging = new Messaging(outbox, members, consent, headOffice,
                new Messaging.Rules(quiet, Integer.parseInt(env.getOrDefault("CHAINPOS_MESSAGES_WEEKLY_CAP", "2"))), clock);
        Templates templates = new JdbcTemplates(db, clock);
        CouponCodes codes = new JdbcCouponCodes(db);
        CouponBatches coupons = new CouponBatches(sources.promotions(), sources.redemptions(), codes);
        Campaigns campaigns = new Campaigns(new JdbcCampaignBook(db), templates, messaging, outbox, activities, consent, sources.purchases(),
                coupons, codes, zone, clock, new java.security.SecureRandom()::nextLong);
        MessageSettings settings = new JdbcMessageSettings(db, clock);
        this.pages = new MessagePages(templates, campaigns, messaging, memberByCard, settings, coupons, clock);
        this.optOuts = new OptOutRoutes(messaging, Optional.ofNullable(env.get("CHAINPOS_MESSAGES_WEBHOOK_SECRET"))
                .filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8)), clock);
        this.reminders = new DailyReminders(templates, new Reminders(messaging), outbox, expiring, activities, tierOrder,
                new DailyReminders.Scheduled(new BirthdayGreetings(sources.birthdays(), messaging, outbox, coupons, codes, zone, clock),
                        new StoredValueLow(sources.storedValues(), new JdbcStoredValueWatch(db), messaging, outbox, clock), settings),
                zone, clock);
        if (!"off".equalsIgnoreCase(env.get("CHAINPOS_MESSAGES_REMINDERS"))) {
            reminders.start();
        }
        Optional<MessageChannel> channel = channel(env, demoFile, clock);
        this.sender = new MessageSender(outbox, channel, consent, members, quiet, Backoff.standard(), lease(env), clock);
        if (!"off".equalsIgnoreCase(env.get("CHAINPOS_MESSAGES_SENDER"))) {
            sender.start(Duration.ofSeconds(5));
        }
    }

    public MessagePages pages() {
        return pages;
    }

    /** Messages under the chain's rules: what head office's member page records an opt-out through. */
    public Messaging messaging() {
        return messaging;
    }

    /** The provider's forwarded opt-out replies. */
    public OptOutRoutes optOuts() {
        return optOuts;
    }

    /** How long a message a sender took stays its own before another sender may take it: longer than a send. */
    private static Duration lease(Map<String, String> env) {
        return Duration.ofSeconds(Long.parseLong(env.getOrDefault("CHAINPOS_MESSAGES_LEASE_SECONDS", "120")));
    }

    private static Optional<MessageChannel> channel(Map<String, String> env, Optional<Path> demoFile, Clock clock) {
        String url = env.get("CHAINPOS_MESSAGES_WEBHOOK_URL");
        if (url != null && !url.isBlank()) {
            String secret = env.get("CHAINPOS_MESSAGES_WEBHOOK_SECRET");
            if (secret == null || secret.length() < 16) {
                throw new IllegalArgumentException("CHAINPOS_MESSAGES_WEBHOOK_SECRET must be set (16 characters or more) with the webhook URL");
            }
            LOG.atInfo().setMessage("messages_channel").addKeyValue("kind", "webhook").log();
            return Optional.of(new WebhookChannel(URI.create(url), secret.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10), clock));
        }
        Optional<Path> file = Optional.ofNullable(env.get("CHAINPOS_MESSAGES_FILE")).map(Path::of).or(() -> demoFile);
        file.ifPresentOrElse(f -> LOG.atInfo().setMessage("messages_channel").addKeyValue("kind", "file").addKeyValue("file", f).log(),
                () -> LOG.atInfo().setMessage("messages_channel").addKeyValue("kind", "none").log());
        return file.map(FileChannel::new);
    }

    static QuietHours quiet(String text, ZoneId zone) {
        String[] parts = text.strip().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("quiet hours are written like 21:00-08:00, not " + text);
        }
        return new QuietHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()), zone);
    }

    @Override
    public void close() {
        reminders.close();
        try {
            sender.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
