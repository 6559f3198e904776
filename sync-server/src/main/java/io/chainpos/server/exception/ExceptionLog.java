package io.chainpos.server.exception;

import io.chainpos.model.sync.SyncException;
import java.util.List;

/** What head office must look at, as the log and the projections found it. */
public interface ExceptionLog {

    /** The newest {@code limit} exceptions, oldest first. */
    List<SyncException> exceptions(int limit);
}
