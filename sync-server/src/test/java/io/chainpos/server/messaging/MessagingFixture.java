package io.chainpos.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.Gender;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.PersonalData;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.Ports;
import io.chainpos.server.db.Storage;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.log.IngestBatch;
import io.chainpos.server.log.IngestResult;
import io.chainpos.server.member.JdbcMarketingConsent;
import io.chainpos.server.member.MarketingConsent;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TillWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A server's database opened on a file with the messaging parts over it, and members registered by a till. */
final class MessagingFixture implements AutoCloseable {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final Path file;
    final ManualClock clock;
    final Storage storage;
    final Ports ports;
    final HeadOffice headOffice;
    final Outbox outbox;
    final MarketingConsent consent;
    final TillWriter till;

    MessagingFixture(Path file, ManualClock clock) {
        this(file, clock, Storage.open(file.toString()));
    }

    MessagingFixture(Path file, ManualClock clock, Storage storage) {
        this.file = file;
        this.clock = clock;
        this.storage = storage;
        this.ports = Ports.on(storage, Json.CODEC, clock);
        ports.members().memberLookupSecret(Facts.LOOKUP_SECRET);
        this.headOffice = new HeadOffice(ports.log(), Json.CODEC, clock);
        this.outbox = new JdbcOutbox(storage.database());
        this.consent = new JdbcMarketingConsent(storage.database());
        this.till = new TillWriter("S001", "S001-T1", 1, clock);
    }

    static MessagingFixture on(Path dir, Instant now) {
        return new MessagingFixture(dir.resolve("events.db"), new ManualClock(now, SHANGHAI));
    }

    /** On a fresh embedded PostgreSQL database instead of a SQLite file. */
    static MessagingFixture onPostgres(Instant now) {
        return new MessagingFixture(null, new ManualClock(now, SHANGHAI), Storage.open(
                io.chainpos.server.db.DatabaseSettings.of(io.chainpos.server.testing.EmbeddedDatabase.newDatabase()).withPoolSize(4)));
    }

    /** The same database file opened again, as a restarted server would. */
    MessagingFixture reopened() {
        storage.close();
        return new MessagingFixture(file, clock);
    }

    MemberId register(int n, String phone, String name, boolean consents) {
        return register(till, n, phone, name, consents);
    }

    MemberId register(TillWriter at, int n, String phone, String name, boolean consents) {
        MemberId member = Facts.member(n);
        ports.members().storeMemberKeys(List.of(Facts.key(member)));
        MemberRegistered registered = new PersonalData(phone, name, null).register(Facts.key(member), Facts.LOOKUP,
                Gender.UNSPECIFIED, CardNo.of("88" + member.value().toString().substring(24)), "NORMAL", consents);
        push(at, registered);
        return member;
    }

    void push(Event... payloads) {
        push(till, payloads);
    }

    void push(TillWriter writer, Event... payloads) {
        IngestResult result = ports.log().ingest(new IngestBatch(writer.till, writer.epoch, Json.incoming(writer.next(List.of(payloads)))));
        assertThat(result).isInstanceOf(IngestResult.Stored.class);
    }

    Messaging messaging(Messaging.Rules rules) {
        return new Messaging(outbox, ports.members(), consent, headOffice, rules, clock);
    }

    MessageSender sender(MessageChannel channel, QuietHours quiet, Backoff backoff) {
        return new MessageSender(outbox, channel, consent, ports.members(), quiet, backoff, java.time.Duration.ofMinutes(2), clock);
    }

    static MessageTemplate template(String zh, String en) {
        return new MessageTemplate("t1", MessageKind.CAMPAIGN, "test", zh, en);
    }

    @Override
    public void close() {
        storage.close();
    }
}
