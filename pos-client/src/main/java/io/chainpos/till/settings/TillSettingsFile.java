package io.chainpos.till.settings;

import static io.chainpos.till.settings.SettingValues.number;
import static io.chainpos.till.settings.SettingValues.oneOf;

import io.chainpos.model.pricing.CashRounding;
import io.chainpos.till.TillMessage;
import io.chainpos.till.security.OwnerOnly;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads and writes {@code till.properties} in the till's data folder (UTF-8, a comment above each key). A missing
 * file or key takes the default; a bad value or an unknown key is refused with a sentence naming it.
 */
public final class TillSettingsFile {
    public static final String FILE_NAME = "till.properties";
    private static final Map<String, String> KEYS = Map.of(
            "ui.language", "The screens' language: system (the computer's), zh-CN or en.",
            "sale.cashRounding", "Rounding of sale totals: none, down_to_jiao (抹零) or half_up_to_jiao.",
            "sale.cashierDiscountLimitPercent", "How much of a line (in %) a cashier may take off without a manager's PIN.",
            "backup.folder", "Where the till backs its ledger up (a USB disk, a network share); empty: backups in the data folder.",
            "backup.keep", "How many backups the till keeps in that folder (1 to 365); older ones are deleted.");

    /** The settings cannot be used; every problem is listed, each naming its key. */
    public static final class Invalid extends Exception {
        private final transient List<TillMessage> problems;

        Invalid(Path file, List<TillMessage> problems) {
            super(file + ": " + problems.size() + " settings cannot be used");
            this.problems = List.copyOf(problems);
        }

        /** Each problem as a coded message, put into words by {@link io.chainpos.till.TillWords}. */
        public List<TillMessage> problems() {
            return problems;
        }
    }

    private final Path file;

    public TillSettingsFile(Path dataFolder) {
        this.file = dataFolder.resolve(FILE_NAME);
    }

    public Path path() {
        return file;
    }

    public TillSettings load() throws IOException, Invalid {
        if (!Files.exists(file)) {
            return TillSettings.defaults();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return parse(values);
    }

    public TillSettings parse(Map<String, String> values) throws Invalid {
        SettingValues v = new SettingValues();
        values.keySet().stream().filter(key -> !KEYS.containsKey(key)).sorted()
                .forEach(key -> v.unknown(key, String.join(", ", new java.util.TreeSet<>(KEYS.keySet()))));
        TillSettings defaults = TillSettings.defaults();
        TillSettings.Language language = read(v, values, "ui.language", defaults.language(),
                s -> oneOf(s, TillSettings.Language::ofCode, "system / zh-CN / en"));
        CashRounding rounding = read(v, values, "sale.cashRounding", defaults.cashRounding(),
                s -> oneOf(s, t -> CashRounding.valueOf(t.strip().toUpperCase(Locale.ROOT)),
                        "none / down_to_jiao / half_up_to_jiao"));
        Integer limit = read(v, values, "sale.cashierDiscountLimitPercent", defaults.cashierDiscountLimitPercent(),
                s -> number(s, 0, 100));
        // Windows paths are written with forward slashes: a backslash is an escape in a properties file.
        String backupFolder = v.read("backup.folder",
                values.getOrDefault("backup.folder", defaults.backupFolder()).strip().replace('\\', '/'),
                TillSettingsFile::folder);
        Integer keep = read(v, values, "backup.keep", defaults.backupKeep(), s -> number(s, 1, 365));
        if (!v.problems().isEmpty()) {
            throw new Invalid(file, v.problems());
        }
        return new TillSettings(language, rounding, limit, backupFolder, keep);
    }

    private static <T> T read(SettingValues v, Map<String, String> values, String key, T otherwise,
                              java.util.function.Function<String, T> parse) {
        String text = values.get(key);
        return text == null ? otherwise : v.read(key, text, parse);
    }

    private static String folder(String text) {
        if (text.isEmpty()) {
            return text;
        }
        try {
            if (!Path.of(text).isAbsolute()) {
                throw SettingValues.refused(TillMessage.Code.SETTING_NOT_WHOLE_PATH, text);
            }
        } catch (java.nio.file.InvalidPathException e) {
            throw SettingValues.refused(TillMessage.Code.SETTING_NOT_A_PATH, text);
        }
        return text;
    }

    /** Writes the settings, replacing the file only once the new one is complete. */
    public void save(TillSettings settings) throws IOException {
        Files.createDirectories(file.getParent());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ui.language", settings.language().code());
        values.put("sale.cashRounding", settings.cashRounding().name().toLowerCase(Locale.ROOT));
        values.put("sale.cashierDiscountLimitPercent", Integer.toString(settings.cashierDiscountLimitPercent()));
        values.put("backup.folder", settings.backupFolder());
        values.put("backup.keep", Integer.toString(settings.backupKeep()));
        Path temporary = file.resolveSibling(FILE_NAME + ".new");
        Files.deleteIfExists(temporary);
        OwnerOnly.createFile(temporary); // owner-only from the start, and so the file it replaces
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            out.write("# ChainPOS till settings. Edit through the settings screen, or here and restart the till.\n");
            for (Map.Entry<String, String> entry : values.entrySet()) {
                out.write("\n# " + KEYS.get(entry.getKey()) + "\n" + entry.getKey() + "=" + entry.getValue() + "\n");
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
