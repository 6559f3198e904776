package io.chainpos.bench;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.Gender;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.PersonalData;
import io.chainpos.model.member.PhoneLookup;
import io.chainpos.bench.sync.NewTillBench;
import io.chainpos.till.TillProjections;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.TillIdentity;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.KeyWrap;
import io.chainpos.till.member.MemberKeyStore;
import io.chainpos.till.member.MemberStore;
import io.chainpos.till.security.KeyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Member lookup at the counter with {@code bench.members} (default 1,000,000) members in the till's ledger:
 * by phone (normalise, keyed hash, indexed query, open the sealed fields with the member's key) and by card
 * (indexed query, open), each against the raw indexed SQLite lookup of the same row with a prepared statement
 * (the floor: no hashing of the typed phone, no decryption). Prints p50/p99 in microseconds.
 *
 * <p>The members are written once through the ledger (events, projections and keys, 20,000 per transaction)
 * and the file is kept in {@code bench.dir} for the next run. {@code bench.registeredAt=pulled} (the default)
 * registers them at other tills of the chain and pulls them, as a till in a big chain holds nearly all its
 * members; {@code own} registers them all at this till (its own events, kept and pushed). After the lookups it
 * prints the file's bytes per member and, from SQLite's {@code dbstat}, each table's and index's share.
 *
 * <p>{@code bench.ledger} measures instead the till a {@code NewTillBench} run left (a whole chain's members, installed
 * from a snapshot, their keys wrapped by the key file {@code till.kek} beside it, or {@code bench.keyFile}); the file
 * is opened in place (and brought to this program's schema).
 */
public final class MemberLookupBenchmark {
    private static final int BATCH = 20_000;

    private MemberLookupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int samples = Integer.getInteger("bench.samples", 20_000);
        EventCodec codec = EventCodec.standard();
        Clock clock = Clock.systemUTC();
        String chainTill = System.getProperty("bench.ledger");
        if (chainTill != null) {
            // The till a new-till bench left: a whole chain's members, their keys wrapped by its key file beside it.
            Path file = Path.of(chainTill);
            Path keyFile = Path.of(System.getProperty("bench.keyFile", file.resolveSibling("till.kek").toString()));
            if (!Files.exists(file) || !Files.exists(keyFile)) {
                throw new IllegalArgumentException("bench.ledger needs a new-till bench's till.db and its key file " + keyFile
                        + " (or -Dbench.keyFile): " + (Files.exists(file) ? keyFile : file) + " is not there");
            }
            SecureRandom random = new SecureRandom();
            MemberStore members = new MemberStore(new MemberKeyStore(KeyWrap.with(KeyFile.openOrCreate(keyFile, random), random)));
            int count;
            try (Ledger ledger = Ledger.open(file, clock, codec, TillProjections.standard(codec))) {
                count = ledger.read(s -> s.handle().createQuery("SELECT COUNT(*) FROM members").mapTo(Integer.class).one());
                PhoneLookup lookup = ledger.read(s -> members.keys().phoneLookup(s)).orElseThrow();
                measure(ledger, members, file, lookup, count, samples, NewTillBench::phone, NewTillBench::name, NewTillBench::card);
            }
            sizes(file, count);
            return;
        }
        int count = Integer.getInteger("bench.members", 1_000_000);
        boolean pulled = !"own".equals(System.getProperty("bench.registeredAt", "pulled"));
        Path file = Path.of(System.getProperty("bench.dir", "target"))
                .resolve("members-" + (pulled ? "pulled-" : "") + count + ".db");
        boolean fresh = !Files.exists(file);
        try (Ledger ledger = Ledger.open(file, clock, codec, TillProjections.standard(codec))) {
            MemberStore members = new MemberStore();
            if (fresh) {
                ledger.registration().enroll(new TillIdentity(new StoreId("S001"), new TillId("S001-T1"), 1));
                ledger.writeState(s -> {
                    members.keys().keepLookupSecret(s, BenchTill.LOOKUP_SECRET);
                    return null;
                });
                long started = System.nanoTime();
                if (pulled) {
                    pull(ledger, members, count, clock);
                } else {
                    load(ledger, members, count, clock);
                }
                System.out.printf(Locale.ROOT, "loaded %,d members through the ledger in %.0f s (%s)%n", count,
                        (System.nanoTime() - started) / 1e9, file);
            }
            measure(ledger, members, file, new PhoneLookup(BenchTill.LOOKUP_SECRET), count, samples,
                    MemberLookupBenchmark::phone, MemberLookupBenchmark::name, MemberLookupBenchmark::card);
        }
        sizes(file, count);
    }

    /**
     * Random members looked up at the till by phone (typed with spaces) and by card, each beside the raw indexed query of
     * the same row; the first round warms up, the second is measured. Member n has {@code phone(n)}, {@code name(n)} and
     * {@code card(n)}.
     */
    private static void measure(Ledger ledger, MemberStore members, Path file, PhoneLookup lookup, int count, int samples,
                                IntFunction<String> phoneOf, IntFunction<String> nameOf, IntFunction<CardNo> cardOf)
            throws SQLException {
        SplittableRandom random = new SplittableRandom(42);
        long[] byPhone = new long[samples];
        long[] byCard = new long[samples];
        long[] rawPhone = new long[samples];
        long[] rawCard = new long[samples];
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             PreparedStatement phoneQuery = raw.prepareStatement(
                     "SELECT member_id, card_no, phone, name, birthday FROM members WHERE phone_hash = ?");
             PreparedStatement cardQuery = raw.prepareStatement(
                     "SELECT member_id, card_no, phone, name, birthday FROM members WHERE card_no = ?")) {
            for (int round = 0; round < 2; round++) { // the first round warms up, the second is measured
                for (int i = 0; i < samples; i++) {
                    int n = random.nextInt(count);
                    String phone = phoneOf.apply(n);
                    String typed = phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7);
                    CardNo card = cardOf.apply(n);
                    // Whichever goes first may read the member's pages from disk and warm them for the other:
                    // the order alternates, so both paths see cold and warm rows alike.
                    boolean tillFirst = (i & 1) == 0;
                    long[] rawTimes = new long[2];
                    String[] rawRows = new String[2];
                    if (!tillFirst) {
                        rawLookups(lookup, phoneQuery, cardQuery, phone, card, rawTimes, rawRows);
                    }
                    long t0 = System.nanoTime();
                    List<Member> found = ledger.read(s -> members.findByPhone(s, typed));
                    long t1 = System.nanoTime();
                    Optional<Member> carded = ledger.read(s -> members.findByCard(s, card));
                    long t2 = System.nanoTime();
                    if (tillFirst) {
                        rawLookups(lookup, phoneQuery, cardQuery, phone, card, rawTimes, rawRows);
                    }
                    String rawByPhone = rawRows[0];
                    String rawByCard = rawRows[1];
                    if (found.size() != 1 || !found.getFirst().name().equals(nameOf.apply(n)) || carded.isEmpty()
                            || rawByPhone == null || !rawByPhone.equals(rawByCard)) {
                        throw new IllegalStateException("member " + n + " not found alike");
                    }
                    byPhone[i] = t1 - t0;
                    byCard[i] = t2 - t1;
                    rawPhone[i] = rawTimes[0];
                    rawCard[i] = rawTimes[1];
                }
            }
        }
        System.out.printf(Locale.ROOT, "member lookup, %,d members, %,d random lookups each (microseconds):%n", count, samples);
        print("till, by phone (typed with spaces)", byPhone);
        print("raw indexed SQLite, by phone hash", rawPhone);
        print("till, by card", byCard);
        print("raw indexed SQLite, by card", rawCard);
    }

    /** The file's bytes per member, and each table's and index's, by SQLite's page statistics. */
    private static void sizes(Path file, int count) throws SQLException {
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             PreparedStatement pages = raw.prepareStatement("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size");
             PreparedStatement stat = raw.prepareStatement("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name "
                     + "HAVING SUM(pgsize) > 4096 * 4 ORDER BY 2 DESC");
             ResultSet total = pages.executeQuery();
             ResultSet parts = stat.executeQuery()) {
            long bytes = total.getLong(1);
            System.out.printf(Locale.ROOT, "ledger file %,d bytes: %.1f bytes per member%n", bytes, bytes / (double) count);
            while (parts.next()) {
                System.out.printf(Locale.ROOT, "  %-36s %,14d   %7.1f per member%n", parts.getString(1), parts.getLong(2),
                        parts.getLong(2) / (double) count);
            }
        }
    }

    /**
     * Members registered at other tills of the chain (ten stores), pulled in pages as the sync agent applies them,
     * their keys handed over through the key channel first.
     */
    private static void pull(Ledger ledger, MemberStore members, int count, Clock clock) {
        PhoneLookup lookup = new PhoneLookup(BenchTill.LOOKUP_SECRET);
        for (int start = 0; start < count; start += BATCH) {
            int from = start;
            List<MemberKey> keys = new ArrayList<>();
            List<EventEnvelope> events = new ArrayList<>();
            for (int n = from; n < Math.min(count, from + BATCH); n++) {
                MemberKey key = MemberKey.generate(MemberId.newId(clock));
                keys.add(key);
                int store = n % 10;
                Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
                events.add(new EventEnvelope(EventId.newId(clock), new StoreId("S1" + store), new TillId("S1" + store + "-T1"), 1,
                        n / 10 + 1, at.toEpochMilli() << 16, at, new PersonalData(phone(n), name(n), null)
                        .register(key, lookup, Gender.UNSPECIFIED, card(n), "NORMAL", false)));
            }
            ledger.writeState(s -> {
                keys.forEach(key -> members.keys().keep(s, key, true));
                return null;
            });
            ledger.remote().applyPulled(events, from + events.size());
        }
    }

    /** The raw lookups of member n: by phone hash (given the hash, so the query alone is timed), then by card. */
    private static void rawLookups(PhoneLookup lookup, PreparedStatement phoneQuery, PreparedStatement cardQuery, String phone,
                                   CardNo card, long[] times, String[] rows) throws SQLException {
        byte[] hash = HexFormat.of().parseHex(lookup.hash(phone)); // the row keeps the hash's 32 bytes
        long t0 = System.nanoTime();
        phoneQuery.setBytes(1, hash);
        rows[0] = first(phoneQuery);
        long t1 = System.nanoTime();
        cardQuery.setString(1, card.value());
        rows[1] = first(cardQuery);
        times[0] = t1 - t0;
        times[1] = System.nanoTime() - t1;
    }

    private static void load(Ledger ledger, MemberStore members, int count, Clock clock) {
        PhoneLookup lookup = new PhoneLookup(BenchTill.LOOKUP_SECRET);
        for (int start = 0; start < count; start += BATCH) {
            int from = start;
            ledger.write(tx -> {
                for (int n = from; n < Math.min(count, from + BATCH); n++) {
                    MemberKey key = MemberKey.generate(MemberId.newId(clock));
                    members.keys().keep(tx, key, true);
                    tx.append(new PersonalData(phone(n), name(n), null).register(key, lookup, Gender.UNSPECIFIED, card(n),
                            "NORMAL", false));
                }
                return null;
            });
        }
    }

    static String phone(int n) {
        return "13" + "%09d".formatted(n);
    }

    static String name(int n) {
        return "会员" + n;
    }

    static CardNo card(int n) {
        return new CardNo("77" + "%010d".formatted(n));
    }

    /** The member id (16 bytes) of the row found, in hex. */
    private static String first(PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            return rs.next() ? HexFormat.of().formatHex(rs.getBytes(1)) : null;
        }
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-36s p50 %7.1f   p90 %7.1f   p99 %7.1f   max %8.1f%n", what,
                sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.90)] / 1e3,
                sorted[(int) (sorted.length * 0.99)] / 1e3, sorted[sorted.length - 1] / 1e3);
    }
}
