package io.chainpos.server.member;

import java.util.Map;

/** Members' stored value (paid and bonus together), merged ids counted in their survivor. */
public interface StoredValues {
    /** Every member with a balance row, by survivor id: its stored value in minor units. */
    Map<String, Long> bySurvivor();
}
