package io.chainpos.till.settings;

import io.chainpos.model.pricing.CashRounding;
import io.chainpos.till.security.OwnerOnly;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
        private final List<String> problems;

        Invalid(Path file, List<String> problems) {
            super(file + ": " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
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
        List<String> problems = new ArrayList<>();
        values.keySet().stream().filter(key -> !KEYS.containsKey(key)).sorted()
                .forEach(key -> problems.add("unknown setting '" + key + "'"));
        TillSettings defaults = TillSettings.defaults();
        TillSettings.Language language = defaults.language();
        CashRounding rounding = defaults.cashRounding();
        int limit = defaults.cashierDiscountLimitPercent();
        String text = values.get("ui.language");
        try {
            language = text == null ? language : TillSettings.Language.ofCode(text);
        } catch (IllegalArgumentException e) {
            problems.add("ui.language: " + e.getMessage());
        }
        text = values.get("sale.cashRounding");
        try {
            rounding = text == null ? rounding : CashRounding.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("sale.cashRounding: none, down_to_jiao or half_up_to_jiao, not '" + text + "'");
        }
        text = values.get("sale.cashierDiscountLimitPercent");
        try {
            limit = text == null ? limit : Integer.parseInt(text.strip());
            if (limit < 0 || limit > 100) {
                problems.add("sale.cashierDiscountLimitPercent: 0 to 100, not " + limit);
            }
        } catch (NumberFormatException e) {
            problems.add("sale.cashierDiscountLimitPercent: '" + text + "' is not a whole number");
        }
        // Windows paths are written with forward slashes: a backslash is an escape in a properties file.
        String backupFolder = values.getOrDefault("backup.folder", defaults.backupFolder()).strip().replace('\\', '/');
        if (!backupFolder.isEmpty()) {
            try {
                if (!Path.of(backupFolder).isAbsolute()) {
                    problems.add("backup.folder: a whole path such as /media/usb/chainpos or D:/ChainPOS-backups, not '"
                            + backupFolder + "'");
                }
            } catch (java.nio.file.InvalidPathException e) {
                problems.add("backup.folder: not a path: '" + backupFolder + "'");
            }
        }
        int keep = defaults.backupKeep();
        text = values.get("backup.keep");
        try {
            keep = text == null ? keep : Integer.parseInt(text.strip());
            if (keep < 1 || keep > 365) {
                problems.add("backup.keep: 1 to 365, not " + keep);
            }
        } catch (NumberFormatException e) {
            problems.add("backup.keep: '" + text + "' is not a whole number");
        }
        if (!problems.isEmpty()) {
            throw new Invalid(file, problems);
        }
        return new TillSettings(language, rounding, limit, backupFolder, keep);
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
