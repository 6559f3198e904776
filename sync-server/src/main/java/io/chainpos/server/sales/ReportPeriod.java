package io.chainpos.server.sales;

import io.chainpos.server.web.Form;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The period a report covers, read from its {@code from} and {@code to} fields (ISO dates, local days): by default
 * the seven days up to today. A wrong value is named beside its field and the default period is shown meanwhile.
 */
record ReportPeriod(LocalDate from, LocalDate to, Form form) {
    static final int DEFAULT_DAYS = 7;
    static final int MAX_DAYS = 366;

    static ReportPeriod read(Optional<String> fromText, Optional<String> toText, LocalDate today) {
        LocalDate defaultTo = today;
        LocalDate defaultFrom = today.minusDays(DEFAULT_DAYS - 1);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("from", fromText.map(String::strip).filter(s -> !s.isEmpty()).orElse(defaultFrom.toString()));
        values.put("to", toText.map(String::strip).filter(s -> !s.isEmpty()).orElse(defaultTo.toString()));
        Form form = new Form(values);
        Optional<LocalDate> from = date(form, "from");
        Optional<LocalDate> to = date(form, "to");
        if (from.isPresent() && to.isPresent()) {
            if (to.get().isBefore(from.get())) {
                form.reject("to", "report.error.order");
            } else if (to.get().toEpochDay() - from.get().toEpochDay() + 1 > MAX_DAYS) {
                form.reject("to", "report.error.span", MAX_DAYS);
            }
        }
        if (form.hasErrors()) {
            return new ReportPeriod(defaultFrom, defaultTo, form);
        }
        return new ReportPeriod(from.orElseThrow(), to.orElseThrow(), form);
    }

    private static Optional<LocalDate> date(Form form, String field) {
        try {
            return Optional.of(LocalDate.parse(form.value(field)));
        } catch (DateTimeParseException e) {
            form.reject(field, "report.error.date");
            return Optional.empty();
        }
    }

    SalesFacts.Filter filter(Optional<String> store) {
        return new SalesFacts.Filter(store, from, to);
    }
}
