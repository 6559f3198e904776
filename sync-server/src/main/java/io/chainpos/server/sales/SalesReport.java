package io.chainpos.server.sales;

import io.chainpos.model.money.Money;
import io.chainpos.server.web.Formats;
import io.chainpos.server.web.Language;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sales report of a period beside the previous one, as the figures and sections (a table, a chart) a page shows
 * and a CSV exports, formatted for the reader's language. The facts are summed by {@link SalesFacts}; this decides
 * only what is shown and how.
 */
public final class SalesReport {
    static final Currency CURRENCY = Currency.getInstance("CNY");
    static final int TOP = 10;
    static final List<String> SECTIONS = List.of("stores", "days", "hours", "categories", "best", "slow", "members", "tenders",
            "promotions");

    /** A headline figure: this period, the previous one, and the change between them. */
    public record Figure(String id, String label, String now, String before, String change) {
    }

    /** One part of the report: its table (headers and formatted rows) and the chart drawn from it (null for none). */
    public record Section(String id, String title, List<String> headers, List<List<String>> rows, String chart) {
    }

    private final SalesFacts facts;
    private final Function<String, String> text;
    private final Formats formats;
    private final Language language;
    private final Map<SalesFacts.Filter, SalesFacts.Ranking> rankings = new java.util.HashMap<>();

    SalesReport(SalesFacts facts, Function<String, String> text, Formats formats, Language language) {
        this.facts = facts;
        this.text = text;
        this.formats = formats;
        this.language = language;
    }

    List<Figure> figures(SalesFacts.Filter filter) {
        SalesFacts.Summary now = facts.summary(filter);
        SalesFacts.Summary before = facts.summary(filter.previous());
        List<Figure> figures = new ArrayList<>();
        figures.add(money("net", now.all().net(), before.all().net()));
        figures.add(count("baskets", now.all().baskets(), before.all().baskets()));
        figures.add(money("average", average(now.all()), average(before.all())));
        figures.add(new Figure("items", text.apply("report.figure.items"), perBasket(now.all()), perBasket(before.all()),
                change(now.all().baskets() == 0 ? 0 : now.all().itemsMilli() * 1000 / now.all().baskets(),
                        before.all().baskets() == 0 ? 0 : before.all().itemsMilli() * 1000 / before.all().baskets())));
        figures.add(money("discount", now.all().discount(), before.all().discount()));
        figures.add(money("refunded", now.all().refunded(), before.all().refunded()));
        figures.add(new Figure("members", text.apply("report.figure.members"), share(now.members().net(), now.all().net()),
                share(before.members().net(), before.all().net()), ""));
        return figures;
    }

    Section section(String id, SalesFacts.Filter filter) {
        return switch (id) {
            case "stores" -> stores(filter);
            case "days" -> days(filter);
            case "hours" -> hours(filter);
            case "categories" -> categories(filter);
            case "best" -> best(filter);
            case "slow" -> slow(filter);
            case "members" -> members(filter);
            case "tenders" -> tenders(filter);
            case "promotions" -> promotions(filter);
            default -> throw new IllegalArgumentException("no section " + id);
        };
    }

    private Section stores(SalesFacts.Filter filter) {
        Map<String, SalesFacts.Totals> now = perStore(facts.byStoreAndDay(filter));
        Map<String, SalesFacts.Totals> before = perStore(facts.byStoreAndDay(filter.previous()));
        List<String> names = new ArrayList<>(new java.util.TreeSet<>(now.keySet()));
        List<List<String>> rows = new ArrayList<>();
        for (String store : names) {
            SalesFacts.Totals t = now.get(store);
            long previous = before.getOrDefault(store, SalesFacts.Totals.NONE).net();
            rows.add(List.of(store, formats.number(t.baskets()), money(average(t)), money(t.net()), money(previous), change(t.net(), previous)));
        }
        return new Section("stores", t("report.section.stores"), headers("store", "baskets", "average", "net", "previous", "change"),
                rows, SalesCharts.bars(names, series(), List.of(names.stream().map(s -> now.get(s).net()).toList(),
                        names.stream().map(s -> before.getOrDefault(s, SalesFacts.Totals.NONE).net()).toList()), true));
    }

    private Section days(SalesFacts.Filter filter) {
        Map<java.time.LocalDate, SalesFacts.Totals> now = perDay(facts.byStoreAndDay(filter));
        Map<java.time.LocalDate, SalesFacts.Totals> before = perDay(facts.byStoreAndDay(filter.previous()));
        List<String> labels = new ArrayList<>();
        List<Long> nowNet = new ArrayList<>();
        List<Long> beforeNet = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        long length = filter.to().toEpochDay() - filter.from().toEpochDay() + 1;
        for (int i = 0; i < length; i++) {
            java.time.LocalDate day = filter.from().plusDays(i);
            SalesFacts.Totals t = now.getOrDefault(day, SalesFacts.Totals.NONE);
            long previous = before.getOrDefault(filter.previous().from().plusDays(i), SalesFacts.Totals.NONE).net();
            labels.add(day.toString());
            nowNet.add(t.net());
            beforeNet.add(previous);
            rows.add(List.of(day.toString(), weekday(day.getDayOfWeek()), formats.number(t.baskets()), money(t.net()), money(previous),
                    change(t.net(), previous)));
        }
        return new Section("days", t("report.section.days"), headers("day", "weekday", "baskets", "net", "previous", "change"), rows,
                SalesCharts.lines(labels, series(), List.of(nowNet, beforeNet)));
    }

    private Section hours(SalesFacts.Filter filter) {
        long[][] baskets = new long[7][24];
        for (SalesFacts.HourCell cell : facts.byHour(filter)) {
            baskets[cell.day().getDayOfWeek().getValue() - 1][cell.hour()] += cell.baskets();
        }
        List<String> weekdays = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            weekdays.add(weekday(d));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            List<String> row = new ArrayList<>();
            row.add(String.format(Locale.ROOT, "%02d:00", h));
            for (int d = 0; d < 7; d++) {
                row.add(formats.number(baskets[d][h]));
            }
            rows.add(row);
        }
        List<String> headers = new ArrayList<>();
        headers.add(t("report.column.hour"));
        headers.addAll(weekdays);
        return new Section("hours", t("report.section.hours"), headers, rows, SalesCharts.heatmap(weekdays, baskets));
    }

    private Section categories(SalesFacts.Filter filter) {
        Map<String, Long> before = facts.categories(filter.previous()).stream()
                .collect(Collectors.toMap(SalesFacts.Category::category, SalesFacts.Category::net));
        List<SalesFacts.Category> now = facts.categories(filter);
        List<List<String>> rows = now.stream().map(c -> List.of(category(c.category()), quantity(c.qtyMilli()), money(c.net()),
                money(before.getOrDefault(c.category(), 0L)), change(c.net(), before.getOrDefault(c.category(), 0L)))).toList();
        List<String> names = now.stream().map(c -> category(c.category())).toList();
        return new Section("categories", t("report.section.categories"), headers("category", "quantity", "net", "previous", "change"),
                rows, SalesCharts.bars(names, series(), List.of(now.stream().map(SalesFacts.Category::net).toList(),
                        now.stream().map(c -> before.getOrDefault(c.category(), 0L)).toList()), true));
    }

    /** The best and slowest sellers of a period, ranked once for both sections. */
    private SalesFacts.Ranking ranking(SalesFacts.Filter filter) {
        return rankings.computeIfAbsent(filter, f -> facts.ranking(f, TOP));
    }

    private Section best(SalesFacts.Filter filter) {
        List<SalesFacts.Item> best = ranking(filter).best();
        return new Section("best", t("report.section.best"), headers("sku", "name", "category", "quantity", "net", "refunded"),
                best.stream().map(this::itemRow).toList(),
                SalesCharts.bars(best.stream().map(this::name).toList(), List.of(t("report.this-period")),
                        List.of(best.stream().map(SalesFacts.Item::net).toList()), true));
    }

    private Section slow(SalesFacts.Filter filter) {
        return new Section("slow", t("report.section.slow"), headers("sku", "name", "category", "quantity", "net", "refunded"),
                ranking(filter).slowest().stream().map(this::itemRow).toList(), null);
    }

    private Section members(SalesFacts.Filter filter) {
        SalesFacts.Summary now = facts.summary(filter);
        SalesFacts.Summary before = facts.summary(filter.previous());
        SalesFacts.Totals others = minus(now.all(), now.members());
        SalesFacts.Totals othersBefore = minus(before.all(), before.members());
        List<List<String>> rows = List.of(
                List.of(t("report.members"), formats.number(now.members().baskets()), money(average(now.members())),
                        money(now.members().net()), share(now.members().net(), now.all().net()),
                        share(before.members().net(), before.all().net())),
                List.of(t("report.non-members"), formats.number(others.baskets()), money(average(others)), money(others.net()),
                        share(others.net(), now.all().net()), share(othersBefore.net(), before.all().net())));
        return new Section("members", t("report.section.members"), headers("who", "baskets", "average", "net", "share", "previous-share"),
                rows, SalesCharts.pie(List.of(t("report.members"), t("report.non-members")), List.of(now.members().net(), others.net())));
    }

    private Section tenders(SalesFacts.Filter filter) {
        Map<String, Long> before = facts.tenders(filter.previous()).stream()
                .collect(Collectors.toMap(SalesFacts.TenderMix::method, SalesFacts.TenderMix::net));
        List<SalesFacts.TenderMix> now = facts.tenders(filter);
        long all = now.stream().mapToLong(SalesFacts.TenderMix::net).sum();
        List<List<String>> rows = now.stream().map(m -> List.of(tender(m.method()), formats.number(m.paidCount()), money(m.paid()),
                money(m.refunded()), money(m.net()), share(m.net(), all), money(before.getOrDefault(m.method(), 0L)))).toList();
        return new Section("tenders", t("report.section.tenders"),
                headers("method", "payments", "paid", "refunded", "net", "share", "previous"), rows,
                SalesCharts.pie(now.stream().map(m -> tender(m.method())).toList(), now.stream().map(SalesFacts.TenderMix::net).toList()));
    }

    private Section promotions(SalesFacts.Filter filter) {
        Map<String, Long> before = facts.promotions(filter.previous()).stream()
                .collect(Collectors.toMap(SalesFacts.PromotionCost::code, SalesFacts.PromotionCost::amount));
        List<SalesFacts.PromotionCost> now = facts.promotions(filter);
        List<List<String>> rows = now.stream().map(p -> List.of(p.code(), p.name(), formats.number(p.applied()), money(p.amount()),
                money(before.getOrDefault(p.code(), 0L)), change(p.amount(), before.getOrDefault(p.code(), 0L)))).toList();
        return new Section("promotions", t("report.section.promotions"),
                headers("code", "promotion", "applied", "cost", "previous", "change"), rows,
                SalesCharts.bars(now.stream().map(SalesFacts.PromotionCost::name).toList(), series(),
                        List.of(now.stream().map(SalesFacts.PromotionCost::amount).toList(),
                                now.stream().map(p -> before.getOrDefault(p.code(), 0L)).toList()), true));
    }

    private List<String> itemRow(SalesFacts.Item item) {
        return List.of(item.sku(), name(item), category(item.category()), quantity(item.netQtyMilli()), money(item.net()),
                money(item.refunded()));
    }

    private String name(SalesFacts.Item item) {
        String name = language == Language.EN ? item.nameEn() : item.nameZh();
        return name.isEmpty() ? item.sku() : name;
    }

    private Figure money(String id, long now, long before) {
        return new Figure(id, t("report.figure." + id), money(now), money(before), change(now, before));
    }

    private Figure count(String id, long now, long before) {
        return new Figure(id, t("report.figure." + id), formats.number(now), formats.number(before), change(now, before));
    }

    String money(long minor) {
        return formats.money(new Money(minor, CURRENCY));
    }

    private String quantity(long milli) {
        return milli % 1000 == 0 ? formats.number(milli / 1000) : decimal(milli, 3);
    }

    private String perBasket(SalesFacts.Totals t) {
        return t.baskets() == 0 ? "—" : decimal(Math.round(t.itemsMilli() / 100.0 / t.baskets()), 1);
    }

    private String decimal(long scaled, int digits) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(language.locale());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(java.math.BigDecimal.valueOf(scaled, digits));
    }

    private String share(long part, long whole) {
        return whole == 0 ? "—" : decimal(Math.round(part * 1000.0 / whole), 1) + "%";
    }

    String change(long now, long before) {
        if (before == 0) {
            return "—";
        }
        long permille = Math.round((now - before) * 1000.0 / Math.abs(before));
        return (permille > 0 ? "+" : "") + decimal(permille, 1) + "%";
    }

    private static long average(SalesFacts.Totals t) {
        return t.baskets() == 0 ? 0 : Math.round((double) t.net() / t.baskets());
    }

    private static SalesFacts.Totals minus(SalesFacts.Totals a, SalesFacts.Totals b) {
        return new SalesFacts.Totals(a.baskets() - b.baskets(), a.itemsMilli() - b.itemsMilli(), a.gross() - b.gross(),
                a.discount() - b.discount(), a.sold() - b.sold(), a.refunds() - b.refunds(), a.refunded() - b.refunded());
    }

    private static Map<String, SalesFacts.Totals> perStore(List<SalesFacts.StoreDay> rows) {
        return rows.stream().collect(Collectors.toMap(SalesFacts.StoreDay::store, SalesFacts.StoreDay::totals, SalesFacts.Totals::plus));
    }

    private static Map<java.time.LocalDate, SalesFacts.Totals> perDay(List<SalesFacts.StoreDay> rows) {
        return rows.stream().collect(Collectors.toMap(SalesFacts.StoreDay::day, SalesFacts.StoreDay::totals, SalesFacts.Totals::plus));
    }

    private String weekday(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, language.locale());
    }

    private String category(String category) {
        return category.isEmpty() ? t("report.no-category") : category;
    }

    private String tender(String method) {
        return t("sales.tender." + method);
    }

    private List<String> series() {
        return List.of(t("report.this-period"), t("report.previous-period"));
    }

    private List<String> headers(String... columns) {
        return java.util.Arrays.stream(columns).map(c -> t("report.column." + c)).toList();
    }

    private String t(String key) {
        return text.apply(key);
    }
}
