package io.chainpos.server.messaging;

/** Why a member is sent a message; each kind has the placeholders its wording may use. */
public enum MessageKind {
    BIRTHDAY,
    POINTS_EXPIRING,
    TIER_UPGRADE,
    STORED_VALUE_LOW,
    CAMPAIGN
}
