package io.chainpos.model.sync;

/** {@code POST /api/v1/login} for head-office users. */
public record LoginRequest(String username, String password) {
    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", password=***]";
    }
}
