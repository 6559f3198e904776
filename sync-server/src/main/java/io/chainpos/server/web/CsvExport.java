package io.chainpos.server.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A list exported as CSV: UTF-8 with a byte-order mark, which Excel needs to read Chinese as Chinese, quoted by
 * commons-csv; a cell that a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @})
 * is written with a leading apostrophe.
 */
public final class CsvExport {
    private CsvExport() {
    }

    /** Writes the header, then each row {@code rows} hands over, to {@code out}. */
    public static void write(java.io.OutputStream out, List<String> header, Consumer<Consumer<List<String>>> rows) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL);
            printer.printRecord(header);
            rows.accept(row -> {
                try {
                    printer.printRecord(row.stream().map(CsvExport::defused).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String defused(String cell) {
        if (cell == null) {
            return "";
        }
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
