package io.chainpos.server.member;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.sync.MemberView;
import io.chainpos.server.auth.Access;
import io.chainpos.server.http.ApiProblem;
import io.chainpos.server.http.Requests;
import io.chainpos.server.http.Routes;
import io.chainpos.server.store.EventStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/** The merged member, by id or by phone, for a till or head office. */
public final class MemberRoutes implements Routes {
    private static final int MAX_PHONE_LENGTH = 32;

    private final Access access;
    private final EventStore store;

    public MemberRoutes(Access access, EventStore store) {
        this.access = access;
        this.store = store;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/members/{memberId}", this::byId);
        routes.get("/api/v1/members", this::byPhone);
    }

    private void byId(Context ctx) {
        access.tillOrHeadOffice(ctx);
        MemberId memberId;
        try {
            memberId = MemberId.parse(ctx.pathParam("memberId"));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("memberId must be a UUID: " + Requests.abbreviate(ctx.pathParam("memberId")));
        }
        answer(ctx, store.member(memberId), "no member " + memberId);
    }

    private void byPhone(Context ctx) {
        access.tillOrHeadOffice(ctx);
        String phone = Requests.requiredParam(ctx, "phone").trim();
        if (phone.length() > MAX_PHONE_LENGTH) {
            throw ApiProblem.badRequest("phone is at most " + MAX_PHONE_LENGTH + " characters");
        }
        answer(ctx, store.memberByPhone(phone), "no member with this phone");
    }

    private static void answer(Context ctx, Optional<MemberView> member, String notFound) {
        ctx.json(member.orElseThrow(() -> ApiProblem.notFound(notFound)));
    }
}
