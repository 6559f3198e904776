package io.chainpos.server.audit;

import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.ListSpec;
import io.chainpos.server.web.Slice;
import java.util.List;
import java.util.Set;

/** Reads the audit log a page at a time, newest first unless sorted otherwise; filtered by actor and action. */
public interface AuditTrail {
    ListSpec LIST = new ListSpec(
            List.of(new ListSpec.Column("at", "id", true), new ListSpec.Column("actor", "actor", false),
                    new ListSpec.Column("action", "action", false)),
            new ListSpec.Column("id", "id", true), "at", true, Set.of("actor", "action"), 50);

    Slice<AuditEntry> list(ListRequest request);
}
