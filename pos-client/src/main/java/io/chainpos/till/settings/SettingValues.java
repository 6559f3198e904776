package io.chainpos.till.settings;

import io.chainpos.till.TillMessage;
import io.chainpos.till.TillMessage.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads the settings files' text values one key at a time and keeps, for each value that cannot be used, a coded
 * message naming its key ({@link TillMessage}), so the screen and the command line say it in the till's language
 * and the owner sees every problem at once.
 */
public final class SettingValues {
    private final List<TillMessage> problems = new ArrayList<>();

    /** A value that cannot be used; the key is added by {@link #read}. */
    public static final class Refused extends RuntimeException {
        private final Code code;
        private final transient List<Object> args;

        private Refused(Code code, List<Object> args) {
            super(code.name(), null, false, false);
            this.code = code;
            this.args = args;
        }

        TillMessage about(String key) {
            return new TillMessage(code, Stream.concat(Stream.of(key), args.stream()).toList());
        }
    }

    /** Refuses a value; {@code args} are the message's parameters after the key. */
    public static Refused refused(Code code, Object... args) {
        return new Refused(code, List.of(args));
    }

    /** The parsed value, or null with its problem kept. */
    public <T> T read(String key, String text, Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (Refused e) {
            problems.add(e.about(key));
            return null;
        }
    }

    public void unknown(String key, String known) {
        problems.add(TillMessage.of(Code.SETTING_UNKNOWN, key, known));
    }

    public List<TillMessage> problems() {
        return List.copyOf(problems);
    }

    public static int number(String text, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw refused(Code.SETTING_NOT_WHOLE_NUMBER, text);
        }
        if (value < min || value > max) {
            throw refused(Code.SETTING_OUT_OF_RANGE, value, min, max);
        }
        return value;
    }

    /** One of a few named values; {@code choices} lists them as the file writes them. */
    public static <T> T oneOf(String text, Function<String, T> parse, String choices) {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw refused(Code.SETTING_ONE_OF, choices, text);
        }
    }

    public static boolean onOff(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw refused(Code.SETTING_NOT_ON_OFF, text);
        };
    }
}
