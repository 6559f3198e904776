package io.chainpos.server.tills;

import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.ListSpec;
import io.chainpos.server.web.Slice;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The tills enrolled in one store, with their current epoch and when their live token was issued. */
public interface EnrolledTills {
    ListSpec LIST = new ListSpec(List.of(new ListSpec.Column("till", "t.till_id", false)),
            new ListSpec.Column("till", "t.till_id", false), "till", false, Set.of(), 50);

    record Till(String tillId, int epoch, Instant tokenIssued, boolean live) {
    }

    Slice<Till> list(String store, ListRequest request);
}
