package io.chainpos.server.catalog;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a product CSV as the till's import does: a header row naming {@link ProductRules#COLUMNS} (in any order
 * and case; {@code sku}, {@code name_zh} and {@code price} required), then one product a row. Read by commons-csv,
 * which the exports already use.
 */
public final class CatalogImport {
    /** At most this many rows in one file: a bigger catalog is imported in parts. */
    public static final int MAX_ROWS = 20_000;

    private CatalogImport() {
    }

    /** One data row: its line in the file (the header is line 1) and its values by column. */
    public record Row(long line, Map<String, String> values) {
    }

    /** A refused row: its line, its SKU as written, and every problem found. */
    public record Rejected(long line, String sku, List<Problem> problems) {
    }

    /** What an import did: how many products were published, and the refused rows. */
    public record Report(int imported, List<Rejected> rejected) {
        public Report {
            rejected = List.copyOf(rejected);
        }
    }

    /** The file's rows, or the problem with the file as a whole (no header column, too many rows, not CSV). */
    public sealed interface Parsed {
        record Rows(List<Row> rows) implements Parsed {
        }

        record Unreadable(Problem problem) implements Parsed {
        }
    }

    public static Parsed parse(Reader csv) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setAllowMissingColumnNames(true).setAllowDuplicateHeaderNames(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames().stream().map(CatalogImport::column).toList();
            for (String required : List.of("sku", "name_zh", "price")) {
                if (!header.contains(required)) {
                    return new Parsed.Unreadable(new Problem("file", "missing-column", required, String.join(",", ProductRules.COLUMNS)));
                }
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    return new Parsed.Unreadable(new Problem("file", "too-many-rows", MAX_ROWS));
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    values.putIfAbsent(header.get(i), record.get(i) == null ? "" : record.get(i).strip());
                }
                rows.add(new Row(record.getRecordNumber() + 1, values));
            }
            return new Parsed.Rows(rows);
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return new Parsed.Unreadable(new Problem("file", "not-csv"));
        }
    }

    private static String column(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }
}
