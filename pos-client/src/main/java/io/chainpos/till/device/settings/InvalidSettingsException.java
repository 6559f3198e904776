package io.chainpos.till.device.settings;

import io.chainpos.till.TillMessage;
import java.util.List;

/** The settings file says something the till cannot use; every problem found is listed, each naming its key. */
public final class InvalidSettingsException extends Exception {
    private final transient List<TillMessage> problems;

    public InvalidSettingsException(String file, List<TillMessage> problems) {
        super(file + ": " + problems.size() + " settings cannot be used");
        this.problems = List.copyOf(problems);
    }

    /** Each problem as a coded message, put into words by {@link io.chainpos.till.TillWords}. */
    public List<TillMessage> problems() {
        return problems;
    }
}
