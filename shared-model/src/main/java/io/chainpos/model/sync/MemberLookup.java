package io.chainpos.model.sync;

/**
 * {@code POST /api/v1/members/lookup}: the phone a till or head office looks a member up by, in the body, because a
 * phone number in a URL ends up in access logs and proxies.
 */
public record MemberLookup(String phone) {
    @Override
    public String toString() {
        return "MemberLookup[phone=***]";
    }
}
