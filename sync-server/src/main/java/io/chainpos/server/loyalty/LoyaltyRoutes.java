package io.chainpos.server.loyalty;

import io.chainpos.server.auth.Access;
import io.chainpos.server.http.ApiProblem;
import io.chainpos.server.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@code POST /api/v1/loyalty/period-end?day=YYYY-MM-DD} (head office only): runs the expiry and downgrade
 * evaluation for a day now, as the daily schedule does, and answers what it stated.
 */
public final class LoyaltyRoutes implements Routes {
    private final Access access;
    private final PeriodEnd periodEnd;

    public LoyaltyRoutes(Access access, PeriodEnd periodEnd) {
        this.access = access;
        this.periodEnd = periodEnd;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/loyalty/period-end", this::run);
    }

    private void run(Context ctx) {
        access.headOffice(ctx);
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
