package io.chainpos.server.liability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainpos.model.money.Money;
import io.chainpos.server.web.Form;
import io.chainpos.server.web.NavItem;
import io.chainpos.server.web.PageAccess;
import io.chainpos.server.web.PageFeature;
import io.chainpos.server.web.PageRequest;
import io.chainpos.server.web.Pages;
import io.chainpos.server.web.Permission;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntToLongFunction;

/**
 * {@code /liabilities} and {@code /stores/{store}/liabilities}: what the chain owes its members, by the store that
 * sold it (points, stored value paid 本金 and bonus 赠金), breakage (points expired unused), what moved in the last
 * N days beside the N days before, and for the chain the points expiring within 30, 60 and 90 days. Read from the
 * liability read models kept at ingest; a store manager sees only their own store.
 */
public final class LiabilityPages implements PageFeature {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_DAYS = 30;

    private final Liabilities liabilities;
    private final IntToLongFunction pointsExpiringWithin;
    private final Clock clock;

    /** {@code pointsExpiringWithin}: the chain's points reaching their last day within so many days (the loyalty report). */
    public LiabilityPages(Liabilities liabilities, IntToLongFunction pointsExpiringWithin, Clock clock) {
        this.liabilities = liabilities;
        this.pointsExpiringWithin = pointsExpiringWithin;
        this.clock = clock;
    }

    @Override
    public String messages() {
        return "liability/messages";
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess chain = PageAccess.chain(Permission.VIEW_LIABILITIES);
        PageAccess store = PageAccess.store(Permission.VIEW_LIABILITIES);
        pages.nav(new NavItem("nav.liabilities", "/liabilities", chain, 45));
        pages.nav(new NavItem("nav.store-liabilities", "/stores/{store}/liabilities", store, 35));
        pages.get("/liabilities", chain, request -> page(request, Optional.empty()));
        pages.get("/liabilities.csv", chain, request -> csv(request, Optional.empty()));
        pages.get("/stores/{store}/liabilities", store, request -> page(request, Optional.of(request.pathParam("store"))));
        pages.get("/stores/{store}/liabilities.csv", store, request -> csv(request, Optional.of(request.pathParam("store"))));
    }

    /** The page: one row per store (and the chain's total), the expiring points, the chart's JSON. */
    public record LiabilityView(String base, Form form, int days, List<Row> rows, Row total, List<Expiring> expiring, String chart,
                                String csvHref) {
        public record Row(String storeId, String points, String paid, String bonus, String storedValue, String pointsEarned,
                          String pointsExpired, String breakageRate, String pointsIn, String pointsInBefore, String pointsOut,
                          String pointsOutBefore, String paidIn, String paidInBefore, String paidOut, String paidOutBefore) {
        }

        public record Expiring(int days, String points) {
        }
    }

    private void page(PageRequest request, Optional<String> pathStore) {
        Form form = form(request, pathStore);
        int days = days(form);
        Optional<String> store = pathStore.or(() -> Optional.of(form.value("store")).filter(s -> !s.isEmpty()));
        Figures figures = figures(store, days);
        List<LiabilityView.Row> rows = figures.stores.stream().map(s -> row(request, s)).toList();
        LiabilityView.Row total = row(request, figures.total());
        List<LiabilityView.Expiring> expiring = new ArrayList<>();
        if (pathStore.isEmpty() && store.isEmpty()) {
            for (int within : new int[] {30, 60, 90}) {
                expiring.add(new LiabilityView.Expiring(within, request.formats().number(pointsExpiringWithin.applyAsLong(within))));
            }
        }
        String base = pathStore.map(s -> "/stores/" + s + "/liabilities").orElse("/liabilities");
        String query = "?days=" + days + store.filter(s -> pathStore.isEmpty()).map(s -> "&store=" + s).orElse("");
        request.render(form.hasErrors() ? 422 : 200, "liability/liabilities.jte", "liability.title", new LiabilityView(base, form, days,
                rows, total, expiring, chart(request, figures.stores), base + ".csv" + query));
    }

    private void csv(PageRequest request, Optional<String> pathStore) {
        Form form = form(request, pathStore);
        int days = days(form);
        Optional<String> store = pathStore.or(() -> Optional.of(form.value("store")).filter(s -> !s.isEmpty()));
        Figures figures = figures(store, days);
        List<String> header = new ArrayList<>();
        for (String key : List.of("store", "points", "paid", "bonus", "stored-value", "points-earned", "points-expired",
                "points-in", "points-in-before", "points-out", "points-out-before", "paid-in", "paid-in-before", "paid-out",
                "paid-out-before")) {
            header.add(request.text("liability.column." + key));
        }
        request.csv("liabilities.csv", header, out -> {
            for (StoreFigures s : figures.stores) {
                out.accept(csvRow(s));
            }
            if (store.isEmpty()) {
                out.accept(csvRow(figures.total()));
            }
        });
    }

    private static List<String> csvRow(StoreFigures s) {
        Liabilities.StoreLiability l = s.liability;
        return List.of(s.storeId, Long.toString(l.points()), decimal(l.paid()), decimal(l.bonus()), decimal(l.storedValue()),
                Long.toString(l.pointsEarned()), Long.toString(l.pointsExpired()), Long.toString(s.now.pointsIn()),
                Long.toString(s.before.pointsIn()), Long.toString(s.now.pointsOut()), Long.toString(s.before.pointsOut()),
                decimal(s.now.paidIn()), decimal(s.before.paidIn()), decimal(s.now.paidOut()), decimal(s.before.paidOut()));
    }

    private static String decimal(long fen) {
        return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** The filters as typed: {@code days} (1-366) and, on the chain's page, {@code store}. */
    private static Form form(PageRequest request, Optional<String> pathStore) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("days", request.query("days").orElse(""));
        if (pathStore.isEmpty()) {
            values.put("store", request.query("store").orElse("").trim());
        }
        return new Form(values);
    }

    /** The days asked (30 when none); a wrong value is named on the form and 30 used. */
    private static int days(Form form) {
        String typed = form.value("days");
        if (typed.isEmpty()) {
            return DEFAULT_DAYS;
        }
        if (!typed.matches("\\d{1,3}") || Integer.parseInt(typed) < 1 || Integer.parseInt(typed) > 366) {
            form.reject("days", "liability.problem.days");
            return DEFAULT_DAYS;
        }
        return Integer.parseInt(typed);
    }

    private record StoreFigures(String storeId, Liabilities.StoreLiability liability, Liabilities.Movement now,
                                Liabilities.Movement before) {
    }

    private record Figures(List<StoreFigures> stores) {
        StoreFigures total() {
            long[] l = new long[5];
            long[] n = new long[7];
            long[] b = new long[7];
            for (StoreFigures s : stores) {
                Liabilities.StoreLiability x = s.liability;
                add(l, x.points(), x.paid(), x.bonus(), x.pointsEarned(), x.pointsExpired());
                add(n, s.now.pointsIn(), s.now.pointsOut(), s.now.pointsExpired(), s.now.paidIn(), s.now.paidOut(), s.now.bonusIn(),
                        s.now.bonusOut());
                add(b, s.before.pointsIn(), s.before.pointsOut(), s.before.pointsExpired(), s.before.paidIn(), s.before.paidOut(),
                        s.before.bonusIn(), s.before.bonusOut());
            }
            return new StoreFigures("", new Liabilities.StoreLiability("", l[0], l[1], l[2], l[3], l[4]), movement("", n),
                    movement("", b));
        }

        private static void add(long[] into, long... values) {
            for (int i = 0; i < values.length; i++) {
                into[i] += values[i];
            }
        }
    }

    private static Liabilities.Movement movement(String store, long[] m) {
        return new Liabilities.Movement(store, m[0], m[1], m[2], m[3], m[4], m[5], m[6]);
    }

    /** Every store's (or the one store's) liability, its movements in the last {@code days} and the {@code days} before. */
    private Figures figures(Optional<String> store, int days) {
        long now = clock.millis() + 1; // up to and including this instant
        long span = Duration.ofDays(days).toMillis();
        Map<String, Liabilities.Movement> current = byStore(liabilities.movements(store, now - span, now));
        Map<String, Liabilities.Movement> previous = byStore(liabilities.movements(store, now - 2 * span, now - span));
        Map<String, Liabilities.StoreLiability> held = new java.util.TreeMap<>();
        liabilities.byStore().forEach(l -> held.put(l.storeId(), l));
        current.keySet().forEach(s -> held.putIfAbsent(s, new Liabilities.StoreLiability(s, 0, 0, 0, 0, 0)));
        previous.keySet().forEach(s -> held.putIfAbsent(s, new Liabilities.StoreLiability(s, 0, 0, 0, 0, 0)));
        store.ifPresent(s -> held.putIfAbsent(s, new Liabilities.StoreLiability(s, 0, 0, 0, 0, 0)));
        List<StoreFigures> rows = new ArrayList<>();
        held.forEach((id, l) -> {
            if (store.map(id::equals).orElse(true)) {
                rows.add(new StoreFigures(id, l, current.getOrDefault(id, movement(id, new long[7])),
                        previous.getOrDefault(id, movement(id, new long[7]))));
            }
        });
        return new Figures(rows);
    }

    private static Map<String, Liabilities.Movement> byStore(List<Liabilities.Movement> movements) {
        Map<String, Liabilities.Movement> by = new LinkedHashMap<>();
        movements.forEach(m -> by.put(m.storeId(), m));
        return by;
    }

    private static LiabilityView.Row row(PageRequest request, StoreFigures s) {
        var f = request.formats();
        Liabilities.StoreLiability l = s.liability;
        String rate = l.pointsEarned() <= 0 ? "" : java.math.BigDecimal.valueOf(l.pointsExpired() * 10_000 / l.pointsEarned(), 2)
                .toPlainString() + "%";
        return new LiabilityView.Row(s.storeId, f.number(l.points()), f.money(Money.cny(l.paid())), f.money(Money.cny(l.bonus())),
                f.money(Money.cny(l.storedValue())), f.number(l.pointsEarned()), f.number(l.pointsExpired()), rate,
                f.number(s.now.pointsIn()), f.number(s.before.pointsIn()), f.number(s.now.pointsOut()), f.number(s.before.pointsOut()),
                f.money(Money.cny(s.now.paidIn())), f.money(Money.cny(s.before.paidIn())), f.money(Money.cny(s.now.paidOut())),
                f.money(Money.cny(s.before.paidOut())));
    }

    /** An ECharts stacked bar chart of stored value owed per store, paid and bonus, as the JSON option the page's script draws. */
    private static String chart(PageRequest request, List<StoreFigures> stores) {
        if (stores.isEmpty()) {
            return null;
        }
        ObjectNode option = JSON.createObjectNode();
        ArrayNode names = option.putObject("xAxis").put("type", "category").putArray("data");
        option.putObject("yAxis").put("type", "value");
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend");
        option.putObject("grid").put("containLabel", true).put("left", 8).put("right", 8).put("top", 32).put("bottom", 8);
        ArrayNode series = option.putArray("series");
        ArrayNode paid = series.addObject().put("type", "bar").put("stack", "owed").put("name", request.text("liability.column.paid"))
                .putArray("data");
        ArrayNode bonus = series.addObject().put("type", "bar").put("stack", "owed").put("name", request.text("liability.column.bonus"))
                .putArray("data");
        for (StoreFigures s : stores) {
            names.add(s.storeId);
            paid.add(java.math.BigDecimal.valueOf(s.liability.paid(), 2));
            bonus.add(java.math.BigDecimal.valueOf(s.liability.bonus(), 2));
        }
        return option.toString();
    }
}
