package io.chainpos.till.device.settings;

import java.util.List;

/** The settings file says something the till cannot use; every problem found is listed, each naming its key. */
public final class InvalidSettingsException extends Exception {
    private final List<String> problems;

    public InvalidSettingsException(String file, List<String> problems) {
        super(file + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
