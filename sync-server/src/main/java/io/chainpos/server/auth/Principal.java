package io.chainpos.server.auth;

/** Who is calling: an enrolled till with its device token, or a signed-in person with a session. */
public sealed interface Principal permits TillPrincipal, UserPrincipal {
}
