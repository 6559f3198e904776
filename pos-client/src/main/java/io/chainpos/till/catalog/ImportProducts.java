package io.chainpos.till.catalog;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.id.Sku;
import io.chainpos.model.money.Money;
import io.chainpos.model.scan.BarcodeParser;
import io.chainpos.till.TillMessage;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.LedgerSession;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports an owner's product list from CSV (a header row; columns {@code sku, barcodes, name_zh, name_en,
 * category, unit, price, member_price, tax_rate}; barcodes separated by {@code |}; prices in yuan; tax in
 * percent, 13 when empty). Every good row becomes a store-local {@link CatalogItemUpserted} appended by this
 * till, all in one transaction; every other row is reported with why. Head office stays authoritative: a
 * SKU or barcode head office uses is refused here, and an item head office publishes later shadows the
 * store's own version of that SKU.
 */
public final class ImportProducts {
    static final List<String> COLUMNS = List.of("sku", "barcodes", "name_zh", "name_en", "category", "unit", "price",
            "member_price", "tax_rate");

    /** What happened to the file: how many products were saved and each refused row with its reason. */
    public record Report(int imported, List<RejectedRow> rejected) {
        public Report {
            rejected = List.copyOf(rejected);
        }
    }

    /** A refused row: its line in the file (the header is line 1), its SKU as written, and why. */
    public record RejectedRow(long line, String sku, TillMessage reason) {
    }

    private final Ledger ledger;
    private final CatalogStore catalog;

    public ImportProducts(Ledger ledger, CatalogStore catalog) {
        this.ledger = ledger;
        this.catalog = catalog;
    }

    public Report importCsv(Reader csv) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setIgnoreHeaderCase(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
            Map<String, Integer> header = parser.getHeaderMap();
            Optional<String> missing = List.of("sku", "name_zh", "price").stream()
                    .filter(c -> header.keySet().stream().noneMatch(h -> strip(h).equalsIgnoreCase(c))).findFirst();
            if (missing.isPresent()) {
                return new Report(0, List.of(new RejectedRow(1, "", TillMessage.of(TillMessage.Code.IMPORT_HEADER_MISSING,
                        missing.get(), String.join(",", COLUMNS)))));
            }
            List<CSVRecord> records = parser.getRecords();
            return ledger.write(tx -> {
                List<RejectedRow> rejected = new ArrayList<>();
                Set<String> seenSkus = new HashSet<>();
                Set<String> seenBarcodes = new HashSet<>();
                int imported = 0;
                for (CSVRecord record : records) {
                    long line = record.getRecordNumber() + 1; // the header is line 1
                    Row row = new Row(record);
                    TillMessage reason = check(tx, row, seenSkus, seenBarcodes);
                    if (reason != null) {
                        rejected.add(new RejectedRow(line, row.get("sku"), reason));
                        continue;
                    }
                    tx.append(item(tx, row, catalog.storeVersion(tx, row.get("sku")) + 1));
                    imported++;
                }
                return new Report(imported, rejected);
            });
        }
    }

    private TillMessage check(LedgerSession session, Row row, Set<String> seenSkus, Set<String> seenBarcodes) {
        String sku = row.get("sku");
        if (sku.isEmpty()) {
            return TillMessage.of(TillMessage.Code.IMPORT_NO_SKU);
        }
        try {
            Sku.of(sku);
        } catch (IllegalArgumentException e) {
            return TillMessage.of(TillMessage.Code.IMPORT_SKU_INVALID, sku);
        }
        if (!seenSkus.add(sku)) {
            return TillMessage.of(TillMessage.Code.IMPORT_SKU_TWICE, sku);
        }
        if (catalog.isHeadOfficeSku(session, sku)) {
            return TillMessage.of(TillMessage.Code.IMPORT_SKU_HEAD_OFFICE, sku);
        }
        if (row.get("name_zh").isEmpty()) {
            return TillMessage.of(TillMessage.Code.IMPORT_NO_NAME);
        }
        if (unit(row.get("unit")) == null) {
            return TillMessage.of(TillMessage.Code.IMPORT_UNIT, row.get("unit"));
        }
        for (String column : List.of("price", "member_price")) {
            if ((column.equals("price") || !row.get(column).isEmpty()) && yuan(row.get(column)) == null) {
                return TillMessage.of(TillMessage.Code.IMPORT_AMOUNT, column, row.get(column));
            }
        }
        if (taxBasisPoints(row.get("tax_rate")) == null) {
            return TillMessage.of(TillMessage.Code.IMPORT_TAX_RATE, row.get("tax_rate"));
        }
        for (String barcode : barcodes(row.get("barcodes"))) {
            if (barcode.chars().allMatch(Character::isDigit) && Set.of(8, 12, 13).contains(barcode.length())
                    && !BarcodeParser.checkDigitValid(barcode)) {
                return TillMessage.of(TillMessage.Code.IMPORT_BARCODE_CHECK_DIGIT, barcode);
            }
            if (!seenBarcodes.add(barcode)) {
                return TillMessage.of(TillMessage.Code.IMPORT_BARCODE_TWICE, barcode);
            }
            Optional<String> owner = catalog.skuOfBarcode(session, barcode).filter(other -> !other.equals(sku));
            if (owner.isPresent()) {
                return TillMessage.of(TillMessage.Code.IMPORT_BARCODE_TAKEN, barcode, owner.get());
            }
        }
        return null;
    }

    private static CatalogItemUpserted item(io.chainpos.till.ledger.LedgerTransaction tx, Row row, long version) {
        String member = row.get("member_price");
        return new CatalogItemUpserted(version, tx.now(), Sku.of(row.get("sku")), barcodes(row.get("barcodes")),
                row.get("name_zh"), row.get("name_en").isEmpty() ? null : row.get("name_en"), row.get("category"),
                unit(row.get("unit")), yuan(row.get("price")), member.isEmpty() ? null : yuan(member),
                taxBasisPoints(row.get("tax_rate")), true);
    }

    private static List<String> barcodes(String cell) {
        return Arrays.stream(cell.split("[|;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static CatalogItemUpserted.Unit unit(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "", "piece", "pc", "件", "个" -> CatalogItemUpserted.Unit.PIECE;
            case "weight", "kg", "称重" -> CatalogItemUpserted.Unit.WEIGHT;
            default -> null;
        };
    }

    private static Long yuan(String text) {
        try {
            long fen = Money.parse(text.replace("¥", ""), Money.CNY).minor();
            return fen < 0 ? null : fen;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer taxBasisPoints(String text) {
        if (text.isEmpty()) {
            return 1300;
        }
        try {
            BigDecimal percent = new BigDecimal(text.replace("%", "").strip());
            int bp = percent.movePointRight(2).intValueExact();
            return bp < 0 || bp > 10_000 ? null : bp;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static String strip(String header) {
        return header.replace("\uFEFF", "").strip();
    }

    /** One CSV record read by column name, a missing column being empty. */
    private record Row(CSVRecord record) {
        String get(String column) {
            for (Map.Entry<String, String> cell : record.toMap().entrySet()) {
                if (strip(cell.getKey()).equalsIgnoreCase(column)) {
                    return cell.getValue() == null ? "" : cell.getValue().strip();
                }
            }
            return "";
        }
    }
}
