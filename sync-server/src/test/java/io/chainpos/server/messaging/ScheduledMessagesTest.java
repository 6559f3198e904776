package io.chainpos.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.model.id.MemberId;
import io.chainpos.server.loyalty.ExpiringPointsReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The day's birthday greetings and stored-value-low messages: found from what the server holds (sealed birthdays,
 * stored value), queued through the usual rules, once a day and once a fall, with the birthday coupon's codes.
 */
class ScheduledMessagesTest {
    static final Instant NOV_30 = Instant.parse("2026-11-30T02:00:00Z"); // 10:00 in Shanghai

    @TempDir
    Path dir;
    MessagingFixture db;
    Templates templates;
    DailyReminders daily;

    @BeforeEach
    void open() {
        db = open(dir, NOV_30);
        templates = new JdbcTemplates(db.storage.database(), db.clock);
        daily = daily(db);
    }

    private DailyReminders daily(MessagingFixture on) {
        Messaging messaging = on.messaging(new Messaging.Rules(QuietHours.none(MessagingFixture.SHANGHAI), 5));
        return new DailyReminders(new JdbcTemplates(on.storage.database(), on.clock), new Reminders(messaging), on.outbox,
                day -> new ExpiringPointsReport.Report(day, DailyReminders.POINTS_AHEAD_DAYS, 12, List.of()), on.ports.memberActivities(),
                List::of, on.scheduled(messaging), MessagingFixture.SHANGHAI, on.clock);
    }

    @AfterEach
    void close() {
        daily.close();
        db.close();
    }

    /** The database these tests run on: a SQLite file here, PostgreSQL in the subclass. */
    MessagingFixture open(Path dir, Instant now) {
        return MessagingFixture.on(dir, now);
    }

    private LocalDate today() {
        return LocalDate.now(db.clock);
    }

    private List<String> bodies(MemberId member) {
        return db.storage.database().read(h -> h.createQuery("SELECT body FROM message_outbox WHERE member_id = :m ORDER BY message_id")
                .bind("m", member.toString()).mapTo(String.class).list());
    }

    @Test
    void membersBornTodayAreGreetedOnceWithADistinctCouponCodeAndTheLeapDayOnTheTwentyEighth() {
        templates.save(new MessageTemplate("t-bd", MessageKind.BIRTHDAY, "生日", "{name}生日快乐，券码{couponCode}",
                "Happy birthday {name}, code {couponCode}"), "hq-admin");
        db.publishCoupons(1, "BDAY", "BD-1", "BD-2", "BD-3");
        db.settings().save(new MessageSettings.Values(Optional.empty(), Optional.of("BDAY")), "hq-admin");
        MemberId dec1 = db.register(db.till, 701, "13800007011", "冬生", true, LocalDate.of(1990, 12, 1));
        MemberId alsoDec1 = db.register(db.till, 702, "13800007022", "十二", true, LocalDate.of(2001, 12, 1));
        MemberId declined = db.register(db.till, 703, "13800007033", "不要", false, LocalDate.of(1985, 12, 1));
        MemberId leap = db.register(db.till, 704, "13800007044", "闰日", true, LocalDate.of(1996, 2, 29));
        MemberId nov30 = db.register(db.till, 705, "13800007055", "昨日", true, LocalDate.of(1990, 11, 30));
        MemberId none = db.register(db.till, 706, "13800007066", "无生日", true, null);
        db.clock.set(Instant.parse("2026-12-01T01:00:00Z"));

        DailyReminders.Day first = daily.run(today());

        assertThat(first.birthdays()).as("two greeted; the one who declined marketing refused").isEqualTo(new Reminders.Count(2, 1));
        assertThat(bodies(dec1)).containsExactly("冬生生日快乐，券码BD-1");
        assertThat(bodies(alsoDec1)).containsExactly("十二生日快乐，券码BD-2");
        assertThat(bodies(declined)).isEmpty();
        assertThat(bodies(nov30)).isEmpty();
        assertThat(bodies(none)).isEmpty();
        assertThat(db.codes().given("BIRTHDAY 2026-12-01")).as("the refused member's code was taken back")
                .containsOnlyKeys(dec1.toString(), alsoDec1.toString());

        if (db.file != null) {
            db = db.reopened();
        }
        daily.close();
        daily = daily(db);
        assertThat(daily.run(today()).birthdays()).as("a second run the same day, after a restart, greets nobody twice")
                .isEqualTo(new Reminders.Count(0, 1));

        db.clock.set(Instant.parse("2027-02-28T01:00:00Z"));
        assertThat(daily.run(today()).birthdays()).as("2027 has no 29 February: greeted on the 28th").isEqualTo(new Reminders.Count(1, 0));
        assertThat(bodies(leap)).containsExactly("闰日生日快乐，券码BD-3");
    }

    @Test
    void theLeapDayIsGreetedOnItsOwnDayInALeapYear() {
        templates.save(new MessageTemplate("t-bd", MessageKind.BIRTHDAY, "生日", "{name}生日快乐", "Happy birthday {name}"), "hq-admin");
        MemberId leap = db.register(db.till, 711, "13800007111", "闰日", true, LocalDate.of(1996, 2, 29));
        db.clock.set(Instant.parse("2028-02-28T01:00:00Z"));
        assertThat(daily.run(today()).birthdays()).isEqualTo(new Reminders.Count(0, 0));
        db.clock.set(Instant.parse("2028-02-29T01:00:00Z"));
        assertThat(daily.run(today()).birthdays()).isEqualTo(new Reminders.Count(1, 0));
        assertThat(bodies(leap)).containsExactly("闰日生日快乐");
    }

    @Test
    void aMemberIsToldOnceEachTimeTheirStoredValueFallsBelowTheThreshold() {
        templates.save(new MessageTemplate("t-low", MessageKind.STORED_VALUE_LOW, "余额不足", "{name}，储值余额{storedValue}元",
                "{name}, your stored value is {storedValue}"), "hq-admin");
        db.settings().save(new MessageSettings.Values(Optional.of(5_000L), Optional.empty()), "hq-admin");
        MemberId spender = db.register(721, "13800007211", "常充", true);
        MemberId small = db.register(722, "13800007222", "小额", true);
        db.push(new StoredValueChanged(spender, 10_000, StoredValueChanged.Reason.TOPUP, null),
                new StoredValueChanged(small, 2_000, StoredValueChanged.Reason.TOPUP, null));

        assertThat(daily.run(today()).storedValueLow()).as("100.00 is above 50.00; 20.00 was never above it")
                .isEqualTo(new Reminders.Count(0, 0));
        db.clock.advance(Duration.ofDays(1));
        db.push(new StoredValueChanged(spender, -6_000, StoredValueChanged.Reason.PAY, null));
        assertThat(daily.run(today()).storedValueLow()).as("100.00 - 60.00 = 40.00 fell below 50.00").isEqualTo(new Reminders.Count(1, 0));
        assertThat(bodies(spender)).containsExactly("常充，储值余额40.00元");
        assertThat(bodies(small)).isEmpty();

        db.clock.advance(Duration.ofDays(1));
        assertThat(daily.run(today()).storedValueLow()).as("still below: told once a fall").isEqualTo(new Reminders.Count(0, 0));
        db.push(new StoredValueChanged(spender, 3_000, StoredValueChanged.Reason.TOPUP, null));
        assertThat(daily.run(today()).storedValueLow()).as("70.00: watched again").isEqualTo(new Reminders.Count(0, 0));
        db.clock.advance(Duration.ofDays(1));
        db.push(new StoredValueChanged(spender, -2_500, StoredValueChanged.Reason.PAY, null));
        assertThat(daily.run(today()).storedValueLow()).as("70.00 - 25.00 = 45.00: a second fall").isEqualTo(new Reminders.Count(1, 0));
        assertThat(daily.run(today()).storedValueLow()).as("the same day again").isEqualTo(new Reminders.Count(0, 0));
        assertThat(bodies(spender)).containsExactly("常充，储值余额40.00元", "常充，储值余额45.00元");
    }

    @Test
    void changingTheThresholdTellsNobodyAtOnceAndNoThresholdTellsNobody() {
        templates.save(new MessageTemplate("t-low", MessageKind.STORED_VALUE_LOW, "余额不足", "{name}，余额{storedValue}", "{name}: {storedValue}"),
                "hq-admin");
        MemberId member = db.register(731, "13800007311", "中等", true);
        db.push(new StoredValueChanged(member, 8_000, StoredValueChanged.Reason.TOPUP, null));
        assertThat(daily.run(today()).storedValueLow()).as("no threshold").isEqualTo(new Reminders.Count(0, 0));
        db.settings().save(new MessageSettings.Values(Optional.of(5_000L), Optional.empty()), "hq-admin");
        assertThat(daily.run(today()).storedValueLow()).isEqualTo(new Reminders.Count(0, 0));
        db.settings().save(new MessageSettings.Values(Optional.of(10_000L), Optional.empty()), "hq-admin");
        db.clock.advance(Duration.ofDays(1));
        assertThat(daily.run(today()).storedValueLow()).as("80.00 was above 50.00, but the watch starts again at 100.00")
                .isEqualTo(new Reminders.Count(0, 0));
        assertThat(bodies(member)).isEmpty();
    }
}
