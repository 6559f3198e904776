package io.chainpos.server.loyalty;

import io.chainpos.server.auth.Access;
import io.chainpos.server.http.ApiProblem;
import io.chainpos.server.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Head office's loyalty calls: {@code POST /api/v1/loyalty/period-end?day=YYYY-MM-DD} runs the expiry and
 * downgrade evaluation for a day now, as the daily schedule does, and answers what it stated;
 * {@code GET /api/v1/loyalty/expiring?days=N} lists the members whose points expire within N days.
 */
public final class LoyaltyRoutes implements Routes {
    private final Access access;
    private final PeriodEnd periodEnd;
    private final ExpiringPointsReport expiring;
    private final java.time.ZoneId zone;
    private final java.time.Clock clock;

    public LoyaltyRoutes(Access access, PeriodEnd periodEnd, ExpiringPointsReport expiring, java.time.ZoneId zone,
                         java.time.Clock clock) {
        this.access = access;
        this.periodEnd = periodEnd;
        this.expiring = expiring;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/loyalty/period-end", this::run);
        routes.get("/api/v1/loyalty/expiring", this::expiring);
    }

    /** {@code GET /api/v1/loyalty/expiring?days=30[&day=YYYY-MM-DD]}: members whose points expire soon. */
    private void expiring(Context ctx) {
        access.headOffice(ctx);
        long days = io.chainpos.server.http.Requests.longParam(ctx, "days").orElse(30L);
        if (days < 0 || days > 3_660) {
            throw ApiProblem.badRequest("days is between 0 and 3660");
        }
        String day = ctx.queryParam("day");
        LocalDate from;
        try {
            from = day == null ? LocalDate.now(clock.withZone(zone)) : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("day is a date like 2027-01-01: " + day);
        }
        ctx.json(expiring.within(from, (int) days));
    }

    private void run(Context ctx) {
        access.headOffice(ctx, io.chainpos.server.web.Permission.PUBLISH_LOYALTY);
        String day = ctx.queryParam("day");
        if (day == null) {
            ctx.json(periodEnd.runToday());
            return;
        }
        try {
            ctx.json(periodEnd.run(LocalDate.parse(day)));
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("day is a date like 2027-01-01: " + day);
        }
    }
}
