package io.chainpos.till.member;

import io.chainpos.model.event.Gender;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.member.PersonalData;
import io.chainpos.model.member.Phones;
import io.chainpos.till.TillMessage;
import io.chainpos.till.ledger.Ledger;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports a shop's members from another system's CSV (a header row; columns {@code phone, name, gender,
 * birthday, consent_marketing, card_no}; only phone and name are required). Each good row registers a member
 * exactly as the counter does (sealed with its own key, phone found by keyed hash), all in one transaction;
 * every other row is reported by line with why, never with the person's data (the report may be printed or
 * mailed). A card number from the old system is kept when it is free.
 */
public final class ImportMembers {
    static final List<String> COLUMNS = List.of("phone", "name", "gender", "birthday", "consent_marketing", "card_no");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuuMMdd"), DateTimeFormatter.ofPattern("uuuu.M.d"));

    public record Report(int imported, List<RejectedRow> rejected) {
        public Report {
            rejected = List.copyOf(rejected);
        }
    }

    /** A refused row: its line in the file (the header is line 1) and why. */
    public record RejectedRow(long line, TillMessage reason) {
    }

    private final Ledger ledger;
    private final RegisterMember register;
    private final MemberStore members;

    public ImportMembers(Ledger ledger, RegisterMember register, MemberStore members) {
        this.ledger = ledger;
        this.register = register;
        this.members = members;
    }

    public Report importCsv(Reader csv) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setIgnoreHeaderCase(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
            Map<String, Integer> header = parser.getHeaderMap();
            Optional<String> missing = List.of("phone", "name").stream()
                    .filter(c -> header.keySet().stream().noneMatch(h -> strip(h).equalsIgnoreCase(c))).findFirst();
            if (missing.isPresent()) {
                return new Report(0, List.of(new RejectedRow(1, TillMessage.of(TillMessage.Code.IMPORT_HEADER_MISSING, missing.get(),
                        String.join(",", COLUMNS)))));
            }
            List<CSVRecord> records = parser.getRecords();
            return ledger.write(tx -> {
                if (members.keys().phoneLookup(tx).isEmpty()) {
                    return new Report(0, List.of(new RejectedRow(1, TillMessage.of(TillMessage.Code.IMPORT_NOT_ENROLLED))));
                }
                List<RejectedRow> rejected = new ArrayList<>();
                int imported = 0;
                for (CSVRecord record : records) {
                    long line = record.getRecordNumber() + 1;
                    TillMessage reason = importRow(tx, record);
                    if (reason == null) {
                        imported++;
                    } else {
                        rejected.add(new RejectedRow(line, reason));
                    }
                }
                return new Report(imported, rejected);
            });
        }
    }

    /** Null when the row became a member; otherwise why not. */
    private TillMessage importRow(io.chainpos.till.ledger.LedgerTransaction tx, CSVRecord record) {
        String phone = get(record, "phone");
        String name = get(record, "name");
        Optional<Gender> gender = gender(get(record, "gender"));
        if (gender.isEmpty()) {
            return TillMessage.of(TillMessage.Code.IMPORT_GENDER);
        }
        LocalDate birthday;
        try {
            birthday = date(get(record, "birthday"));
        } catch (DateTimeParseException e) {
            return TillMessage.of(TillMessage.Code.IMPORT_BIRTHDAY);
        }
        Optional<Boolean> consent = yesNo(get(record, "consent_marketing"));
        if (consent.isEmpty()) {
            return TillMessage.of(TillMessage.Code.IMPORT_CONSENT);
        }
        Optional<RegisterMember.Invalid> invalid = register.validate(phone, name, birthday);
        if (invalid.isPresent()) {
            return TillMessage.of(TillMessage.Code.IMPORT_FIELD, invalid.get().field().name().toLowerCase(Locale.ROOT),
                    invalid.get().reason());
        }
        CardNo card = null;
        String cardText = get(record, "card_no");
        if (!cardText.isEmpty()) {
            if (!cardText.matches("\\d{6,32}")) {
                return TillMessage.of(TillMessage.Code.IMPORT_CARD_FORMAT);
            }
            card = new CardNo(cardText);
            if (members.cardExists(tx, card)) {
                return TillMessage.of(TillMessage.Code.IMPORT_CARD_TAKEN);
            }
        }
        PersonalData data = new PersonalData(Phones.normalize(phone).orElseThrow(), name.strip(), birthday);
        return switch (register.registerIn(tx, data, gender.get(), consent.get(), card)) {
            case RegisterMember.Registered registered -> null;
            case RegisterMember.AlreadyMember already -> TillMessage.of(TillMessage.Code.IMPORT_ALREADY_MEMBER, already.member().cardNo().value());
            case RegisterMember.Invalid bad -> bad.reason();
            case RegisterMember.NotEnrolled notEnrolled -> notEnrolled.reason();
        };
    }

    private static Optional<Gender> gender(String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "" , "U", "UNSPECIFIED" -> Optional.of(Gender.UNSPECIFIED);
            case "M", "MALE", "男" -> Optional.of(Gender.MALE);
            case "F", "FEMALE", "女" -> Optional.of(Gender.FEMALE);
            default -> Optional.empty();
        };
    }

    private static Optional<Boolean> yesNo(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "", "0", "no", "n", "false", "否" -> Optional.of(false);
            case "1", "yes", "y", "true", "是" -> Optional.of(true);
            default -> Optional.empty();
        };
    }

    private static LocalDate date(String text) {
        if (text.isEmpty()) {
            return null;
        }
        DateTimeParseException last = null;
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(text, f.withResolverStyle(java.time.format.ResolverStyle.STRICT));
            } catch (DateTimeParseException e) {
                last = e;
            }
        }
        throw last;
    }

    private static String get(CSVRecord record, String column) {
        for (Map.Entry<String, Integer> h : record.getParser().getHeaderMap().entrySet()) {
            if (strip(h.getKey()).equalsIgnoreCase(column)) {
                return h.getValue() < record.size() ? record.get(h.getValue()).strip() : "";
            }
        }
        return "";
    }

    /** Excel writes a byte-order mark before the first header. */
    private static String strip(String header) {
        return header.replace("\uFEFF", "").strip();
    }
}
