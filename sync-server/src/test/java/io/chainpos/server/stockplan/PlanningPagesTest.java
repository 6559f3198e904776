package io.chainpos.server.stockplan;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StockLine;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.event.TransferSent;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TransferId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.auth.Role;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.TillWriter;
import io.chainpos.server.testing.web.BackOffice;
import io.chainpos.server.testing.web.PageClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The planning pages read a page of stores' products at a time, by key: walked through their "next" links they show
 * every position once, in store then product order, with what it sold over the lookback, on both databases.
 *
 * <p>The chain, by hand: three stores each received 100 + i of products 200001-200150 (i = 1..150) and sold i mod 7 of
 * each yesterday; S001 also sold 5 of each 40 days ago (outside any lookback used here). S001 received 10 of 300001-
 * 300005 and of 300009 and sent 2 of 300009 to S002 (on the road); S003 keeps a minimum of 20 of 300001-300005 and holds
 * none. So S001 has 156 positions, S002 151 (300009 only on its way), S003 155 (300001-300005 only as minimums).
 */
class PlanningPagesTest {
    private static final Pattern COVER_ROW = Pattern.compile(
            "<tr id=\"cover-([^\"]+)\"[^>]*><td>([^<]*)</td><td>([^<]*)</td>\\s*<td>([^<]*)</td><td>([^<]*)</td>");
    private static final Pattern ORDER_ROW = Pattern.compile(
            "<tr id=\"order-([^\"]+)\">\\s*<td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>\\s*<td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td class=\"suggested\">([^<]*)</td>");

    @RegisterExtension
    static final BackOffice office = BackOffice.onSqlite();

    @Test
    void coverAndOrdersPageByKey() {
        walks(office);
    }

    static void walks(BackOffice office) {
        PageClient admin = chain(office);
        coverWalk(admin);
        ordersWalk(admin);
    }

    private static void coverWalk(PageClient admin) {
        List<String> seen = new ArrayList<>();
        Map<String, String[]> figures = new HashMap<>();
        int pages = 0;
        String next = "/stock/cover?days=28";
        while (next != null) {
            PageClient.Page page = admin.get(next);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            Matcher row = COVER_ROW.matcher(page.body());
            while (row.find()) {
                seen.add(row.group(2) + "/" + row.group(3));
                figures.put(row.group(2) + "/" + row.group(3), new String[] {row.group(4), row.group(5)});
            }
            next = nextLink(page.body(), "cover-next");
            pages++;
        }

        assertThat(seen).as("every position once, in store then product order").containsExactlyElementsOf(expectedPositions());
        assertThat(pages).isEqualTo(5);
        // on hand, sold over the last 28 days
        assertThat(figures.get("S001/200006")).containsExactly("95", "6");
        assertThat(figures.get("S002/200006")).containsExactly("100", "6");
        assertThat(figures.get("S003/200007")).containsExactly("107", "0");
        assertThat(figures.get("S002/300009")).containsExactly("0", "0");
        assertThat(figures.get("S003/300003")).containsExactly("0", "0");
        assertThat(figures.get("S001/300009")).containsExactly("8", "0");

        PageClient.Page one = admin.get("/stores/S002/stock/cover?days=28");
        Matcher row = COVER_ROW.matcher(one.body());
        int rows = 0;
        while (row.find()) {
            assertThat(row.group(2)).isEqualTo("S002");
            rows++;
        }
        assertThat(rows).isEqualTo(100);
        assertThat(nextLink(one.body(), "cover-next")).startsWith("/stores/S002/stock/cover?days=28&after=");
    }

    private static void ordersWalk(PageClient admin) {
        // A day's sales looked at for a year's lead and another's safety: every product that sold yesterday is short.
        Map<String, String> parameters = Map.of("lookback", "1", "lead", "365", "safety", "365");
        Map<String, String> lines = walkOrders(admin, "/stock/orders?lookback=1&lead=365&safety=365");
        List<String> expected = new ArrayList<>();
        for (String store : List.of("S001", "S002", "S003")) {
            for (int i = 1; i <= 150; i++) {
                if (i % 7 != 0) {
                    expected.add(store + "/" + (200_000 + i));
                }
            }
            if (store.equals("S003")) {
                for (int i = 1; i <= 5; i++) {
                    expected.add(store + "/" + (300_000 + i));
                }
            }
        }
        assertThat(lines.keySet()).containsExactlyElementsOf(expected);
        // need 6 × 730 = 4,380; on hand 106 − 6 − 5 at S001, 100 elsewhere
        assertThat(lines.get("S001/200006")).isEqualTo("4285");
        assertThat(lines.get("S002/200006")).isEqualTo("4280");
        assertThat(lines.get("S003/300002")).isEqualTo("20");

        Map<String, String> form = new LinkedHashMap<>(parameters);
        form.put("_csrf", admin.csrfToken());
        PageClient.Page csv = admin.post("/stock/orders.csv", form);
        assertThat(csv.status()).isEqualTo(200);
        List<String> exported = csv.body().lines().skip(1).map(l -> l.split(",")).map(c -> c[0] + "/" + c[1] + "=" + c[7]).toList();
        assertThat(exported).containsExactlyElementsOf(lines.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());

        Map<String, String> chain = walkOrders(admin, "/stock/orders?scope=chain&lookback=1&lead=365&safety=365");
        assertThat(chain).as("129 products sold yesterday, 5 below a minimum").hasSize(129 + 5);
        assertThat(chain.get("Chain/200006")).isEqualTo(String.valueOf(4285 + 4280 + 4280));
        assertThat(chain.get("Chain/300005")).isEqualTo("20");
    }

    /** Every line of the order walked through its "next" links, store/SKU to suggested, in the order shown. */
    private static Map<String, String> walkOrders(PageClient admin, String first) {
        Map<String, String> lines = new LinkedHashMap<>();
        int pages = 0;
        String next = first;
        while (next != null) {
            PageClient.Page page = admin.get(next);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            Matcher row = ORDER_ROW.matcher(page.body());
            int rows = 0;
            while (row.find()) {
                assertThat(lines.put(row.group(2) + "/" + row.group(3), row.group(9))).as("shown once: " + row.group(1)).isNull();
                rows++;
            }
            assertThat(rows).isLessThanOrEqualTo(ReorderPages.LINES_PER_PAGE);
            next = nextLink(page.body(), "orders-next");
            pages++;
        }
        assertThat(pages).isGreaterThan(1);
        return lines;
    }

    private static List<String> expectedPositions() {
        List<String> keys = new ArrayList<>();
        for (String store : List.of("S001", "S002", "S003")) {
            for (int i = 1; i <= 150; i++) {
                keys.add(store + "/" + (200_000 + i));
            }
            if (!store.equals("S002")) {
                for (int i = 1; i <= 5; i++) {
                    keys.add(store + "/" + (300_000 + i));
                }
            }
            if (!store.equals("S003")) {
                keys.add(store + "/300009");
            }
        }
        return keys;
    }

    private static String nextLink(String body, String id) {
        Matcher link = Pattern.compile("<a id=\"" + id + "\" href=\"([^\"]+)\"").matcher(body);
        return link.find() ? link.group(1).replace("&amp;", "&") : null;
    }

    /** The three stores' stock and sales as the class says, pushed by their tills; minimums set through the page. */
    private static PageClient chain(BackOffice office) {
        TestServer server = office.server();
        for (int s = 1; s <= 3; s++) {
            StoreId store = StoreId.of("S00" + s);
            TestServer.EnrolledTill till = server.enroll(store.value(), store.value() + "-T1");
            ManualClock clock = new ManualClock(TestServer.START.minus(Duration.ofDays(41)));
            TillWriter writer = new TillWriter(store.value(), store.value() + "-T1", till.writer().epoch, clock);
            List<Event> received = new ArrayList<>();
            for (int i = 1; i <= 150; i++) {
                received.add(new StockChanged(store, sku(200_000 + i), (100 + i) * 1000L, StockChanged.Reason.RECEIPT, "G" + s));
            }
            if (s == 1) {
                for (int i : new int[] {1, 2, 3, 4, 5, 9}) {
                    received.add(new StockChanged(store, sku(300_000 + i), 10_000, StockChanged.Reason.RECEIPT, "G1"));
                }
            }
            push(till, writer, received);
            if (s == 1) {
                clock.set(TestServer.START.minus(Duration.ofDays(40)));
                push(till, writer, sales(store, 100, i -> 5));
            }
            clock.set(Instant.parse("2026-11-22T04:00:00Z"));
            push(till, writer, sales(store, 200, i -> i % 7));
            if (s == 1) {
                push(till, writer, List.of(new TransferSent(new TransferId(UUID.fromString("0192f0a0-0000-7000-8000-0000000d0001")),
                                "S001-T1-1-T000001", store, StoreId.of("S002"), List.of(new StockLine(sku(300_009), 2_000, null)), "c1"),
                        new StockChanged(store, sku(300_009), -2_000, StockChanged.Reason.TRANSFER_OUT, "S001-T1-1-T000001")));
            }
        }
        PageClient admin = office.http();
        assertThat(admin.signIn(office.user(Role.HQ_ADMIN), BackOffice.PASSWORD)).isTrue();
        admin.get("/stock/minimums");
        PageClient.Page set = admin.post("/stock/minimums/bulk", Map.of("_csrf", admin.csrfToken(), "_once", admin.formToken(),
                "rows", "S003,300001,20\nS003,300002,20\nS003,300003,20\nS003,300004,20\nS003,300005,20"));
        assertThat(set.status()).as(set.body()).isEqualTo(303);
        return admin;
    }

    /** Sales of ten lines each, {@code qty.applyAsInt(i)} units of product 200000 + i (none when 0), with their stock. */
    private static List<Event> sales(StoreId store, int firstReceipt, java.util.function.IntUnaryOperator qty) {
        List<Event> events = new ArrayList<>();
        List<SaleLine> lines = new ArrayList<>();
        int receipt = firstReceipt;
        for (int i = 1; i <= 150; i++) {
            int units = qty.applyAsInt(i);
            if (units > 0) {
                lines.add(new SaleLine(sku(200_000 + i), "p" + i, units * 1000L, 100, 0, units * 100L, List.of()));
                events.add(new StockChanged(store, sku(200_000 + i), -units * 1000L, StockChanged.Reason.SALE,
                        store.value() + "-R" + receipt));
            }
            if (lines.size() == 10 || (i == 150 && !lines.isEmpty())) {
                long total = lines.stream().mapToLong(SaleLine::total).sum();
                events.add(new SaleCompleted(new SaleId(UUID.fromString("0192f0a0-0000-7000-8000-%04d%08d".formatted(
                        Integer.parseInt(store.value().substring(1)), receipt))), ReceiptNo.of(store.value() + "-R" + receipt), null, "CNY",
                        List.copyOf(lines), List.of(), total, 0, total, List.of(new Tender(TenderMethod.CASH, total, null)), 0, 1, "c1"));
                lines.clear();
                receipt++;
            }
        }
        return events;
    }

    private static void push(TestServer.EnrolledTill till, TillWriter writer, List<? extends Event> events) {
        for (int from = 0; from < events.size(); from += 100) {
            List<? extends Event> chunk = events.subList(from, Math.min(events.size(), from + 100));
            assertThat(till.api().post("/api/v1/sync/push", Json.push(writer, writer.next(chunk))).status()).isEqualTo(200);
        }
    }

    private static Sku sku(int n) {
        return Sku.of(String.valueOf(n));
    }
}
