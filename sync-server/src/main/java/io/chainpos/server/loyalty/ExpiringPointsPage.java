package io.chainpos.server.loyalty;

import io.chainpos.server.web.Cursor;
import io.chainpos.server.web.Form;
import io.chainpos.server.web.ListLinks;
import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.ListSpec;
import io.chainpos.server.web.PageAccess;
import io.chainpos.server.web.PageFeature;
import io.chainpos.server.web.PageRequest;
import io.chainpos.server.web.Pages;
import io.chainpos.server.web.Permission;
import io.chainpos.server.web.Slice;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code /loyalty/expiring}: the members whose points reach their last day within the days asked (积分清零提醒),
 * from the same report and the same rules as the API and the period end. The report folds every member's
 * points; the page then shows it a page at a time by key (last day, points or member, then member id).
 */
public final class ExpiringPointsPage implements PageFeature {
    static final ListSpec LIST = new ListSpec(List.of(new ListSpec.Column("lastDay", "lastDay", false),
            new ListSpec.Column("points", "points", true), new ListSpec.Column("member", "member", false)),
            new ListSpec.Column("member", "member", false), "lastDay", false, Set.of("days"), 50);

    private final ExpiringPointsReport report;
    private final ZoneId zone;
    private final Clock clock;

    public ExpiringPointsPage(ExpiringPointsReport report, ZoneId zone, Clock clock) {
        this.report = report;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess read = PageAccess.chain(Permission.VIEW_LOYALTY);
        pages.get("/loyalty/expiring", read, this::list);
        pages.get("/loyalty/expiring.csv", read, this::csv);
    }

    public record ExpiringView(int days, String day, int expiryMonths, int members, List<Row> rows, ListLinks links, Form form) {
        public record Row(String memberId, String points, String lastDay, String balance) {
        }
    }

    private void list(PageRequest request) {
        ListRequest list = request.list(LIST);
        Form form = new Form(list.filters());
        int days = days(form);
        ExpiringPointsReport.Report found = report.within(LocalDate.now(clock.withZone(zone)), days);
        Slice<ExpiringPointsReport.Line> slice = page(list, found.members());
        request.render(form.hasErrors() ? 422 : 200, "loyalty/expiring.jte", "loyalty.expiring.title", new ExpiringView(days,
                found.day().toString(), found.expiryMonths(), found.members().size(),
                slice.rows().stream().map(line -> row(request, line)).toList(), request.links(list, slice), form));
    }

    private void csv(PageRequest request) {
        ListRequest list = request.list(LIST);
        ExpiringPointsReport.Report found = report.within(LocalDate.now(clock.withZone(zone)), days(new Form(list.filters())));
        request.csv("expiring-points.csv", List.of(request.text("loyalty.expiring.member"), request.text("loyalty.expiring.points"),
                        request.text("loyalty.expiring.last-day"), request.text("loyalty.expiring.balance")),
                out -> Slice.forEachRow(list, page -> page(page, found.members()), line -> {
                    ExpiringView.Row row = row(request, line);
                    out.accept(List.of(row.memberId(), row.points(), row.lastDay(), row.balance()));
                }));
    }

    /** The days asked (30 when none); a wrong value is named on the form and 30 used. */
    private static int days(Form form) {
        String typed = form.value("days");
        if (typed.isEmpty()) {
            return 30;
        }
        if (!typed.matches("\\d{1,4}") || Integer.parseInt(typed) > 3_660) {
            form.reject("days", "loyalty.problem.days");
            return 30;
        }
        return Integer.parseInt(typed);
    }

    /** One page of the report's lines in the request's order, after its cursor. */
    static Slice<ExpiringPointsReport.Line> page(ListRequest request, List<ExpiringPointsReport.Line> lines) {
        Function<ExpiringPointsReport.Line, String> text = line -> switch (request.sort().name()) {
            case "points" -> Long.toString(line.points());
            case "member" -> line.memberId();
            default -> line.lastDay().toString();
        };
        Comparator<ExpiringPointsReport.Line> order = request.sort().name().equals("points")
                ? Comparator.comparingLong(ExpiringPointsReport.Line::points) : Comparator.comparing(text);
        order = order.thenComparing(ExpiringPointsReport.Line::memberId);
        if (request.descending()) {
            order = order.reversed();
        }
        Comparator<ExpiringPointsReport.Line> sorted = order;
        List<ExpiringPointsReport.Line> after = lines.stream().sorted(sorted)
                .filter(line -> request.after().map(cursor -> sorted.compare(line, cursorLine(request, cursor)) > 0).orElse(true))
                .limit(request.size() + 1L).toList();
        return request.slice(after, line -> new Cursor(text.apply(line), line.memberId()));
    }

    /** A line standing for the cursor's place, to compare with. */
    private static ExpiringPointsReport.Line cursorLine(ListRequest request, Cursor cursor) {
        long points = 0;
        LocalDate lastDay = LocalDate.MIN;
        try {
            switch (request.sort().name()) {
                case "points" -> points = Long.parseLong(cursor.sortValue());
                case "member" -> { }
                default -> lastDay = LocalDate.parse(cursor.sortValue());
            }
        } catch (RuntimeException notMadeHere) {
            return new ExpiringPointsReport.Line("", 0, LocalDate.MIN, 0);
        }
        return new ExpiringPointsReport.Line(cursor.key(), points, lastDay, 0);
    }

    private static ExpiringView.Row row(PageRequest request, ExpiringPointsReport.Line line) {
        return new ExpiringView.Row(line.memberId(), request.formats().number(line.points()), line.lastDay().toString(),
                request.formats().number(line.balance()));
    }
}
