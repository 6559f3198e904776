package io.chainpos.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.sync.EnrollRequest;
import io.chainpos.model.sync.LoginRequest;
import io.chainpos.model.sync.LoginResponse;
import io.chainpos.server.http.ApiProblem;
import io.chainpos.server.http.JsonBodies;
import io.chainpos.server.http.Routes;
import io.chainpos.model.sync.ApiErrorCode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /api/v1/enroll} and {@code POST /api/v1/login}. */
public final class AuthRoutes implements Routes {
    private static final Logger LOG = LoggerFactory.getLogger(AuthRoutes.class);

    private final Enrollment enrollment;
    private final Users users;
    private final EventCodec codec;
    private final SignInFailures failures;
    private final java.time.Clock clock;

    /**
     * @param failures where wrong enrollment codes are counted per address (beside wrong passwords per name: a key
     *                 with a space is never a username), so codes cannot be guessed at speed
     */
    public AuthRoutes(Enrollment enrollment, Users users, EventCodec codec, SignInFailures failures, java.time.Clock clock) {
        this.enrollment = enrollment;
        this.users = users;
        this.codec = codec;
        this.failures = failures;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/enroll", this::enroll);
        routes.post("/api/v1/login", this::login);
    }

    private void enroll(Context ctx) {
        EnrollRequest request = new EnrollRequest(JsonBodies.text(JsonBodies.object(codec, ctx.body()), "code", 64));
        String from = "enrollment from " + ctx.ip();
        java.time.Instant now = clock.instant();
        java.util.Optional<Lockout.State> state = failures.of(from);
        if (Lockout.ENROLLMENT.isLocked(state, now)) {
            throw new ApiProblem(429, io.chainpos.model.sync.ApiError.of(ApiErrorCode.LOCKED,
                    "too many unknown enrollment codes from this address: try again after " + state.get().lockedUntil().get()));
        }
        switch (enrollment.enroll(request.code())) {
            case Enrollment.Result.Enrolled(var response) -> {
                failures.clear(from);
                LOG.info("event=till_enrolled till={} store={} epoch={}", response.tillId(), response.storeId(), response.tillEpoch());
                ctx.json(response);
            }
            case Enrollment.Result.Refused(String reason) -> {
                if (reason.equals(Enrollment.UNKNOWN_CODE)) {
                    Lockout.State after = failures.update(from, now, before -> Lockout.ENROLLMENT.failed(before, now));
                    if (after.lockedUntil().isPresent()) {
                        LOG.atWarn().setMessage("enrollment_locked").addKeyValue("address", ctx.ip())
                                .addKeyValue("until", after.lockedUntil().get()).log();
                    }
                }
                throw ApiProblem.unauthorized(reason);
            }
        }
    }

    private void login(Context ctx) {
        JsonNode body = JsonBodies.object(codec, ctx.body());
        LoginRequest request = new LoginRequest(JsonBodies.text(body, "username", 64), JsonBodies.text(body, "password", 1024));
        switch (users.login(request.username(), request.password())) {
            case Users.Login.Token(String token) -> ctx.json(new LoginResponse(token));
            case Users.Login.Refused refused -> throw ApiProblem.unauthorized("wrong username or password");
            case Users.Login.TooSoon(java.time.Duration wait) -> throw new ApiProblem(429, io.chainpos.model.sync.ApiError.of(
                    ApiErrorCode.TOO_MANY_ATTEMPTS, "a wrong password was given for this name; try again in " + Math.max(1, wait.toSeconds()) + " s"));
            case Users.Login.Locked(java.time.Instant until) -> throw new ApiProblem(429, io.chainpos.model.sync.ApiError.of(
                    ApiErrorCode.LOCKED, "too many wrong passwords: this name is locked until " + until));
        }
    }
}
