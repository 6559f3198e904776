package io.chainpos.till.testing;

import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.Sku;
import io.chainpos.till.ledger.TillIdentity;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.sale.SaleSession;
import io.chainpos.till.stock.StockStore;
import io.chainpos.till.sync.EnrollTill;
import io.chainpos.till.sync.OkHttpSyncApi;
import io.chainpos.till.sync.SyncAgent;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * A real till (ledger file, use-cases) with a real sync agent talking HTTP to a real server, enrolled with a
 * code: what the end-to-end tests drive. Every request path it sends is recorded, and a test may add an
 * interceptor of its own (a fault).
 */
public final class SyncedTill implements AutoCloseable {
    public final TestTill till;
    public final SyncAgent agent;
    /** The path of every request the sync agent sent, in order. */
    public final List<String> requested;

    private SyncedTill(TestTill till, SyncAgent agent, List<String> requested) {
        this.till = till;
        this.agent = agent;
        this.requested = requested;
    }

    /** Enrolls a till whose ledger is {@code file} with a code from {@code server}, as a till's first run does. */
    public static SyncedTill enroll(Path file, Clock clock, Supplier<URI> server, String code, Interceptor... faults) {
        return enroll(file, clock, server, code, SyncAgent.Settings.defaults(), faults);
    }

    /** As {@link #enroll(Path, Clock, Supplier, String, Interceptor...)}, with the agent's batch sizes chosen. */
    public static SyncedTill enroll(Path file, Clock clock, Supplier<URI> server, String code, SyncAgent.Settings settings,
                                    Interceptor... faults) {
        TestTill till = new TestTill(file, clock);
        List<String> requested = new CopyOnWriteArrayList<>();
        OkHttpClient http = client(requested, faults);
        EnrollTill.Result enrolled = new EnrollTill(till.ledger, url -> new OkHttpSyncApi(http, till.codec, () -> url, () -> null))
                .enroll(server.get().toString(), code);
        if (!(enrolled instanceof EnrollTill.Enrolled)) {
            till.close();
            throw new IllegalStateException("enrollment failed: " + enrolled);
        }
        requested.clear();
        return attach(till, clock, server, requested, http, settings, null);
    }

    /**
     * Enrolls as {@link #enroll(Path, Clock, Supplier, String, Interceptor...)}, with snapshots downloaded into
     * {@code snapshots} and installed from there, as the till program does.
     */
    public static SyncedTill enrollDownloading(Path file, Path snapshots, Clock clock, Supplier<URI> server, String code) {
        TestTill till = new TestTill(file, clock);
        List<String> requested = new CopyOnWriteArrayList<>();
        OkHttpClient http = client(requested);
        EnrollTill.Result enrolled = new EnrollTill(till.ledger, url -> new OkHttpSyncApi(http, till.codec, () -> url, () -> null))
                .enroll(server.get().toString(), code);
        if (!(enrolled instanceof EnrollTill.Enrolled)) {
            till.close();
            throw new IllegalStateException("enrollment failed: " + enrolled);
        }
        requested.clear();
        return attach(till, clock, server, requested, http, SyncAgent.Settings.defaults(),
                new io.chainpos.till.sync.SnapshotDownload(snapshots, till.codec, clock));
    }

    /** Opens an enrolled till's ledger again with snapshots downloaded into {@code snapshots}, as the till program does. */
    public static SyncedTill reopenDownloading(Path file, Path snapshots, Clock clock, Supplier<URI> server) {
        List<String> requested = new CopyOnWriteArrayList<>();
        TestTill till = new TestTill(file, clock);
        return attach(till, clock, server, requested, client(requested), SyncAgent.Settings.defaults(),
                new io.chainpos.till.sync.SnapshotDownload(snapshots, till.codec, clock));
    }

    /** Opens an enrolled till's ledger again, as the till program does after a restart or a crash. */
    public static SyncedTill reopen(Path file, Clock clock, Supplier<URI> server, Interceptor... faults) {
        return reopen(file, clock, server, SyncAgent.Settings.defaults(), faults);
    }

    public static SyncedTill reopen(Path file, Clock clock, Supplier<URI> server, SyncAgent.Settings settings,
                                    Interceptor... faults) {
        List<String> requested = new CopyOnWriteArrayList<>();
        return attach(new TestTill(file, clock), clock, server, requested, client(requested, faults), settings, null);
    }

    private static OkHttpClient client(List<String> requested, Interceptor... faults) {
        OkHttpClient.Builder builder = OkHttpSyncApi.defaultClient().newBuilder().addInterceptor(chain -> {
            requested.add(chain.request().url().encodedPath());
            return chain.proceed(chain.request());
        });
        for (Interceptor fault : faults) {
            builder.addInterceptor(fault);
        }
        return builder.build();
    }

    private static SyncedTill attach(TestTill till, Clock clock, Supplier<URI> server, List<String> requested, OkHttpClient http,
                                     SyncAgent.Settings settings, io.chainpos.till.sync.SnapshotDownload download) {
        String token = till.ledger.registration().serverLink().orElseThrow().token();
        SyncAgent agent = new SyncAgent(till.ledger, new OkHttpSyncApi(http, till.codec, server, () -> token),
                clock, new Random(1), settings, new io.chainpos.till.member.MemberKeyStore(), download);
        io.chainpos.till.stock.UndoLaterReceipt undoLaterReceipt = new io.chainpos.till.stock.UndoLaterReceipt(till.ledger);
        agent.afterEachPull(undoLaterReceipt::undo); // as the till program's assembly does
        return new SyncedTill(till, agent, requested);
    }

    public SyncAgent.Round sync() throws IOException {
        return agent.syncOnce();
    }

    public TillIdentity identity() {
        return till.ledger.identity().orElseThrow();
    }

    public Member register(String phone, String name) {
        return ((RegisterMember.Registered) till.registerMember.register(new RegisterMember.Request(phone, name, null, null, true)))
                .member();
    }

    public Checkout.Completed sell(Member member, String code, long qtyMilli, Tender... tenders) {
        Checkout.Result result = complete(new TestTill.Sale(List.of(new TestTill.Line(code, qtyMilli)),
                member == null ? null : member.memberId(), List.of(tenders), "cashier"));
        if (!(result instanceof Checkout.Completed completed)) {
            throw new IllegalStateException("the sale did not complete: " + result);
        }
        return completed;
    }

    /** Completes a sale as the counter does, opening a shift first when none is open (no sale happens outside one). */
    public Checkout.Result complete(TestTill.Sale request) {
        openShiftIfNone();
        return till.sell(request);
    }

    /**
     * What the lines would cost now, priced as the sale would be, or empty when a code is unknown at this till.
     * Rung up in a sale session of its own, which records nothing.
     */
    public OptionalLong total(List<TestTill.Line> lines, MemberId member) {
        openShiftIfNone(); // the counter rings nothing up outside a shift
        SaleSession session = till.session("quote");
        for (TestTill.Line line : lines) {
            if (session.scan(line.code(), line.qtyMilli()) instanceof SaleSession.Refused) {
                return OptionalLong.empty();
            }
        }
        if (member != null) {
            Optional<Member> known = till.ledger.read(s -> till.members.findById(s, member));
            if (known.isEmpty() || session.setMember(known.get()) instanceof SaleSession.Refused) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(session.quote().priced().total());
    }

    private void openShiftIfNone() {
        if (till.ledger.read(till.shiftStore::current).isEmpty()) {
            till.shifts.open("cashier", 50_000);
        }
    }

    public static Tender cash(long amount) {
        return new Tender(TenderMethod.CASH, amount, null);
    }

    public long points(MemberId member) {
        return till.ledger.read(s -> till.balances.points(s, member));
    }

    public long storedValue(MemberId member) {
        return till.ledger.read(s -> till.balances.storedValue(s, member));
    }

    public long stock(String sku) {
        return till.ledger.read(s -> new StockStore().quantityMilli(s, new Sku(sku)));
    }

    @Override
    public void close() {
        agent.close();
        till.close();
    }
}
