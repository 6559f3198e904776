package io.chainpos.server.member;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.sync.ApiError;
import io.chainpos.model.sync.MemberIds;
import io.chainpos.model.sync.MemberLookup;
import io.chainpos.model.sync.MemberKeys;
import io.chainpos.model.sync.MemberView;
import io.chainpos.server.auth.Access;
import io.chainpos.server.auth.UserPrincipal;
import io.chainpos.server.http.ApiProblem;
import io.chainpos.server.http.Requests;
import io.chainpos.server.http.Routes;
import io.chainpos.server.log.EventLog;
import io.chainpos.model.sync.ApiErrorCode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The merged member, by id or by phone (in the body), for a till or head office; the key channel beside the events (tills
 * hand over and fetch members' data keys); erasure and export, for head office.
 */
public final class MemberRoutes implements Routes {
    private static final Logger LOG = LoggerFactory.getLogger(MemberRoutes.class);
    private static final int MAX_PHONE_LENGTH = 32;
    /** The stable error code of a look-up with the phone in the URL. */
    public static final String PHONE_IN_URL = ApiErrorCode.PHONE_IN_URL.code();
    static final int MAX_KEYS = 1_000;

    private final Access access;
    private final Members members;
    private final MemberErasure erasure;
    private final EventCodec codec;
    private final MemberHistories histories;

    public MemberRoutes(Access access, Members members, EventLog log, MemberErasure erasure, EventCodec codec) {
        this.access = access;
        this.members = members;
        this.erasure = erasure;
        this.codec = codec;
        this.histories = new MemberHistories(members, log);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.put("/api/v1/members/keys", this::putKeys);
        routes.post("/api/v1/members/keys/lookup", this::lookupKeys);
        routes.get("/api/v1/members/{memberId}", this::byId);
        routes.get("/api/v1/members/{memberId}/history", this::history);
        routes.get("/api/v1/members/{memberId}/export", this::export);
        routes.post("/api/v1/members/{memberId}/erase", this::erase);
        routes.post("/api/v1/members/lookup", this::byPhone);
        routes.get("/api/v1/members", MemberRoutes::phoneInUrl);
    }

    private void byId(Context ctx) {
        access.tillOrHeadOffice(ctx);
        MemberId memberId = memberId(ctx);
        answer(ctx, members.member(memberId), "no member " + memberId);
    }

    /** The member with this phone, the phone in the body ({@link MemberLookup}), never in the URL. */
    private void byPhone(Context ctx) {
        access.tillOrHeadOffice(ctx);
        MemberLookup lookup = read(ctx, MemberLookup.class);
        if (lookup.phone() == null || lookup.phone().isBlank()) {
            throw ApiProblem.badRequest("phone is required");
        }
        String phone = lookup.phone().trim();
        if (phone.length() > MAX_PHONE_LENGTH) {
            throw ApiProblem.badRequest("phone is at most " + MAX_PHONE_LENGTH + " characters");
        }
        answer(ctx, members.memberByPhone(phone), "no member with this phone");
    }

    /**
     * The old look-up by {@code ?phone=}: refused, whoever asks, without echoing the number, so callers move the phone
     * into the body. (It was in every access log and proxy the request passed.)
     */
    private static void phoneInUrl(Context ctx) {
        throw new ApiProblem(400, ApiError.of(PHONE_IN_URL, "a phone number never goes in a URL (access logs, proxies): "
                + "POST /api/v1/members/lookup with {\"phone\": \"...\"} in the body"));
    }

    private void putKeys(Context ctx) {
        access.till(ctx);
        MemberKeys keys = read(ctx, MemberKeys.class);
        if (keys.keys().size() > MAX_KEYS) {
            throw ApiProblem.tooLarge("at most " + MAX_KEYS + " keys at a time");
        }
        ctx.json(Map.of("stored", members.storeMemberKeys(keys.keys())));
    }

    private void lookupKeys(Context ctx) {
        access.till(ctx);
        MemberIds ids = read(ctx, MemberIds.class);
        if (ids.memberIds().size() > MAX_KEYS) {
            throw ApiProblem.tooLarge("at most " + MAX_KEYS + " member ids at a time");
        }
        ctx.json(new MemberKeys(members.memberKeys(ids.memberIds())));
    }

    /** Profile history and every sale, points and stored-value movement of the member (and ids merged into it). */
    private void history(Context ctx) {
        access.tillOrHeadOffice(ctx);
        MemberId memberId = memberId(ctx);
        ctx.json(histories.history(memberId).orElseThrow(() -> ApiProblem.notFound("no member " + memberId)));
    }

    /** A member's data on request: profile in the clear, balances, history. Head office only. */
    private void export(Context ctx) {
        UserPrincipal user = access.headOffice(ctx);
        MemberId memberId = memberId(ctx);
        MemberHistories.Export export = histories.export(memberId)
                .orElseThrow(() -> ApiProblem.notFound("no member " + memberId));
        LOG.atInfo().setMessage("member_exported").addKeyValue("member", memberId).addKeyValue("by", user.username()).log();
        ctx.json(export);
    }

    /**
     * Erases a member's personal data ({@link MemberErasure}): the member's key is destroyed here and on every till
     * that pulls head office's record of it; the act is in the audit log.
     */
    private void erase(Context ctx) {
        UserPrincipal user = access.headOffice(ctx, io.chainpos.server.web.Permission.ERASE_MEMBERS);
        MemberId memberId = memberId(ctx);
        if (erasure.erase(user.username(), memberId) instanceof MemberErasure.NoSuchMember) {
            throw ApiProblem.notFound("no member " + memberId);
        }
        LOG.atInfo().setMessage("member_erased").addKeyValue("member", memberId).addKeyValue("by", user.username()).log();
        ctx.json(Map.of("erased", memberId.toString()));
    }

    private <T> T read(Context ctx, Class<T> type) {
        try {
            return codec.mapper().readValue(ctx.body(), type);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw ApiProblem.badRequest("unreadable body: " + Requests.abbreviateLong(String.valueOf(e.getMessage())));
        }
    }

    private static MemberId memberId(Context ctx) {
        try {
            return MemberId.parse(ctx.pathParam("memberId"));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("memberId must be a UUID: " + Requests.abbreviate(ctx.pathParam("memberId")));
        }
    }

    private static void answer(Context ctx, Optional<MemberView> member, String notFound) {
        ctx.json(member.orElseThrow(() -> ApiProblem.notFound(notFound)));
    }
}
