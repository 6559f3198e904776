package io.chainpos.server.member;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainpos.model.money.Money;
import io.chainpos.server.liability.Liabilities;
import io.chainpos.server.web.Form;
import io.chainpos.server.web.NavItem;
import io.chainpos.server.web.PageAccess;
import io.chainpos.server.web.PageFeature;
import io.chainpos.server.web.PageRequest;
import io.chainpos.server.web.Pages;
import io.chainpos.server.web.Permission;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code /member-report} and {@code /stores/{store}/member-report}: members' growth (new in the period and the one
 * before, by home store), active and lapsed, RFM segments with their count and spend and the members of one,
 * and churn risk; from the member activity kept at ingest. A store manager sees their store's members only.
 */
public final class MemberReportPage implements PageFeature {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DAY_MS = 86_400_000L;
    private static final int SHOWN = 100;

    private final Liabilities liabilities;
    private final Clock clock;
    private final MemberScoring scoring;

    public MemberReportPage(MemberActivities activities, Liabilities liabilities, Clock clock) {
        this.liabilities = liabilities;
        this.clock = clock;
        this.scoring = new MemberScoring(activities, clock);
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess chain = PageAccess.chain(Permission.VIEW_MEMBERS);
        PageAccess store = PageAccess.store(Permission.VIEW_MEMBERS);
        pages.nav(new NavItem("nav.member-report", "/member-report", chain, 42));
        pages.nav(new NavItem("nav.store-member-report", "/stores/{store}/member-report", store, 32));
        pages.get("/member-report", chain, request -> page(request, Optional.empty()));
        pages.get("/member-report.csv", chain, request -> csv(request, Optional.empty()));
        pages.get("/stores/{store}/member-report", store, request -> page(request, Optional.of(request.pathParam("store"))));
        pages.get("/stores/{store}/member-report.csv", store, request -> csv(request, Optional.of(request.pathParam("store"))));
    }

    public record ReportView(String base, Form form, int days, List<Growth> growth, long active, long lapsed, long never,
                             List<SegmentRow> segments, String chart, String segment, List<MemberRow> segmentMembers,
                             long churnCount, List<MemberRow> churn, String csvHref, List<TierRow> tiers, String tierChart,
                             List<BandRow> points, String scoredAt) {
        /** A tier: members in it now, and how many moved into it and out of it in the period. */
        public record TierRow(String tier, String now, String movedIn, String movedOut) {
        }

        /** A band of points held: its bounds as shown, members holding that many, and their points. */
        public record BandRow(String band, String members, String points) {
        }

        public record Growth(String store, String now, String before) {
        }

        public record SegmentRow(String code, String name, String count, String spend) {
        }

        public record MemberRow(String memberId, String homeStore, String lastVisit, String visits, String spend, String rfm,
                                String usualDays, String daysSince) {
        }
    }

    private void page(PageRequest request, Optional<String> pathStore) {
        Form form = form(request, pathStore);
        int days = days(form);
        Optional<MemberSegments.Segment> segment = segment(form);
        Optional<String> store = pathStore.or(() -> Optional.of(form.value("store")).filter(s -> !s.isEmpty()));
        MemberScoring.Scoring scored = scoring.of(store);
        List<MemberActivities.Person> people = scored.people();
        long now = clock.millis();
        long[] alf = scored.activeLapsedNever();
        List<ReportView.SegmentRow> segments = new ArrayList<>();
        MemberSegments.bySegment(scored.scored()).forEach((s, t) -> segments.add(new ReportView.SegmentRow(code(s),
                request.text("member-report.segment." + code(s)), request.formats().number(t[0]), request.formats().money(Money.cny(t[1])))));
        List<ReportView.MemberRow> members = segment.map(s -> scored.scored().stream().filter(x -> x.segment() == s)
                .sorted(Comparator.comparingLong((MemberSegments.Scored x) -> -x.person().spend()).thenComparing(x -> x.person().memberId()))
                .limit(SHOWN).map(x -> row(request, x.person(), x, null)).toList()).orElse(List.of());
        List<MemberSegments.ChurnRisk> risks = scored.risks();
        List<ReportView.MemberRow> churn = risks.stream().limit(SHOWN).map(r -> row(request, r.person(), null, r)).toList();
        String base = pathStore.map(s -> "/stores/" + s + "/member-report").orElse("/member-report");
        String query = "?days=" + days + (pathStore.isEmpty() && !form.value("store").isEmpty() ? "&store=" + form.value("store") : "")
                + segment.map(s -> "&segment=" + code(s)).orElse("");
        List<ReportView.TierRow> tiers = tiers(request, scored, now - days * DAY_MS, now + 1);
        String scoredAt = scored.slow() ? request.formats().dateTime(Instant.ofEpochMilli(scored.atMs())) : "";
        request.render(form.hasErrors() ? 422 : 200, "members/report.jte", "member-report.title", new ReportView(base, form, days,
                growth(request, people, now, days), alf[0], alf[1], alf[2], segments, chart(segments),
                segment.map(MemberReportPage::code).orElse(""), members, risks.size(), churn, base + ".csv" + query,
                tiers, tierChart(tiers), points(request, liabilities.pointsHeld(store)), scoredAt));
    }

    /** The scored people's tiers now, and the moves into and out of each tier from {@code fromMs} to {@code untilMs}. */
    static List<ReportView.TierRow> tiers(PageRequest request, MemberScoring.Scoring scored, long fromMs, long untilMs) {
        Map<String, long[]> by = new TreeMap<>();
        scored.tiersNow().forEach((tier, members) -> by.computeIfAbsent(tier, k -> new long[3])[0] = members);
        for (MemberActivities.TierMove move : scored.tierMoves()) {
            if (move.atMs() >= fromMs && move.atMs() < untilMs) {
                by.computeIfAbsent(move.toTier(), k -> new long[3])[1]++;
                by.computeIfAbsent(move.fromTier(), k -> new long[3])[2]++;
            }
        }
        List<ReportView.TierRow> rows = new ArrayList<>();
        var f = request.formats();
        by.forEach((tier, c) -> rows.add(new ReportView.TierRow(tier, f.number(c[0]), f.number(c[1]), f.number(c[2]))));
        return rows;
    }

    private static List<ReportView.BandRow> points(PageRequest request, List<Liabilities.PointsBand> bands) {
        var f = request.formats();
        return bands.stream().map(b -> new ReportView.BandRow(b.untilPoints() == 0
                        ? request.text("member-report.points-from", f.number(b.fromPoints()))
                        : request.text("member-report.points-band", f.number(b.fromPoints()), f.number(b.untilPoints() - 1)),
                f.number(b.members()), f.number(b.points()))).toList();
    }

    private static String tierChart(List<ReportView.TierRow> tiers) {
        ObjectNode option = JSON.createObjectNode();
        option.putObject("tooltip").put("trigger", "item");
        ArrayNode data = option.putArray("series").addObject().put("type", "pie").put("radius", "60%").putArray("data");
        for (ReportView.TierRow t : tiers) {
            data.addObject().put("name", t.tier()).put("value", Long.parseLong(t.now().replaceAll("[^0-9]", "")));
        }
        return option.toString();
    }

    private void csv(PageRequest request, Optional<String> pathStore) {
        Form form = form(request, pathStore);
        Optional<MemberSegments.Segment> segment = segment(form);
        MemberScoring.Scoring scoring = this.scoring.of(pathStore.or(() -> Optional.of(form.value("store")).filter(s -> !s.isEmpty())));
        List<MemberActivities.Person> people = scoring.people();
        Map<String, MemberSegments.Scored> scored = new java.util.HashMap<>();
        scoring.scored().forEach(s -> scored.put(s.person().memberId(), s));
        Map<String, MemberSegments.ChurnRisk> risks = new java.util.HashMap<>();
        scoring.risks().forEach(r -> risks.put(r.person().memberId(), r));
        List<String> header = new ArrayList<>();
        for (String key : List.of("member", "home-store", "registered", "first-visit", "last-visit", "visits", "spend", "recency",
                "frequency", "monetary", "segment", "churn-risk")) {
            header.add(request.text("member-report.column." + key));
        }
        request.csv("member-report.csv", header, out -> {
            for (MemberActivities.Person p : people) {
                MemberSegments.Scored s = scored.get(p.memberId());
                if (segment.isPresent() && (s == null || s.segment() != segment.get())) {
                    continue;
                }
                out.accept(List.of(p.memberId(), p.homeStore() == null ? "" : p.homeStore(), day(p.registeredMs()), day(p.firstVisitMs()),
                        day(p.lastVisitMs()), Long.toString(p.visits()), java.math.BigDecimal.valueOf(p.spend(), 2).toPlainString(),
                        s == null ? "" : Integer.toString(s.recency()), s == null ? "" : Integer.toString(s.frequency()),
                        s == null ? "" : Integer.toString(s.monetary()), s == null ? "" : code(s.segment()),
                        risks.containsKey(p.memberId()) ? "yes" : ""));
            }
        });
    }

    private static String day(long ms) {
        return ms == 0 ? "" : Instant.ofEpochMilli(ms).toString();
    }

    /** New members (by the first registration of their ids) in the last {@code days} and the {@code days} before, by home store. */
    private static List<ReportView.Growth> growth(PageRequest request, List<MemberActivities.Person> people, long now, int days) {
        long span = days * DAY_MS;
        Map<String, long[]> by = new TreeMap<>();
        long[] all = new long[2];
        for (MemberActivities.Person p : people) {
            if (p.registeredMs() == 0) {
                continue;
            }
            long age = now - p.registeredMs();
            int slot = age >= 0 && age < span ? 0 : age >= span && age < 2 * span ? 1 : -1;
            if (slot >= 0) {
                by.computeIfAbsent(p.homeStore() == null ? "" : p.homeStore(), k -> new long[2])[slot]++;
                all[slot]++;
            }
        }
        List<ReportView.Growth> rows = new ArrayList<>();
        by.forEach((s, c) -> rows.add(new ReportView.Growth(s, request.formats().number(c[0]), request.formats().number(c[1]))));
        rows.add(new ReportView.Growth(request.text("member-report.all"), request.formats().number(all[0]), request.formats().number(all[1])));
        return rows;
    }

    private static ReportView.MemberRow row(PageRequest request, MemberActivities.Person p, MemberSegments.Scored s,
                                            MemberSegments.ChurnRisk r) {
        var f = request.formats();
        return new ReportView.MemberRow(p.memberId(), p.homeStore() == null ? "" : p.homeStore(),
                p.lastVisitMs() == 0 ? "" : f.date(Instant.ofEpochMilli(p.lastVisitMs())), f.number(p.visits()), f.money(Money.cny(p.spend())),
                s == null ? "" : "" + s.recency() + s.frequency() + s.monetary(), r == null ? "" : f.number(r.usualDays()),
                r == null ? "" : f.number(r.daysSince()));
    }

    private static String chart(List<ReportView.SegmentRow> segments) {
        ObjectNode option = JSON.createObjectNode();
        ArrayNode names = option.putObject("xAxis").put("type", "category").putArray("data");
        option.putObject("yAxis").put("type", "value").put("minInterval", 1);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("grid").put("containLabel", true).put("left", 8).put("right", 8).put("top", 16).put("bottom", 8);
        ArrayNode values = option.putArray("series").addObject().put("type", "bar").putArray("data");
        for (ReportView.SegmentRow s : segments) {
            names.add(s.name());
            values.add(Long.parseLong(s.count().replaceAll("[^0-9]", "")));
        }
        return option.toString();
    }

    static String code(MemberSegments.Segment segment) {
        return segment.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Form form(PageRequest request, Optional<String> pathStore) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("days", request.query("days").orElse(""));
        values.put("segment", request.query("segment").orElse(""));
        if (pathStore.isEmpty()) {
            values.put("store", request.query("store").orElse("").trim());
        }
        return new Form(values);
    }

    private static int days(Form form) {
        String typed = form.value("days");
        if (typed.isEmpty()) {
            return 30;
        }
        if (!typed.matches("\\d{1,3}") || Integer.parseInt(typed) < 1 || Integer.parseInt(typed) > 366) {
            form.reject("days", "member-report.problem.days");
            return 30;
        }
        return Integer.parseInt(typed);
    }

    private static Optional<MemberSegments.Segment> segment(Form form) {
        String typed = form.value("segment");
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        for (MemberSegments.Segment s : MemberSegments.Segment.values()) {
            if (code(s).equals(typed)) {
                return Optional.of(s);
            }
        }
        form.reject("segment", "member-report.problem.segment");
        return Optional.empty();
    }
}
