package dev.rapport.customer.application.service.importing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.rapport.customer.application.port.out.importing.ImportSpool.SourceRecord;
import dev.rapport.customer.domain.importing.SkipReason;
import dev.rapport.customer.domain.importing.SkippedRow;
import dev.rapport.kernel.DateTimeText;

/**
 * The built-in mapping of the UCI Online Retail file. CustomerID is the external id (country as an
 * attribute); each InvoiceNo is one GBP purchase at InvoiceDate read as UK local time; an invoice
 * starting with C is a cancellation, i.e. returns. Rows without CustomerID, and non-cancellation
 * rows with quantity or price not above zero, are skipped; the customer of a row skipped only for
 * its quantity or price is still registered (every CustomerID in the file is a customer).
 */
final class OnlineRetailRows {

    static final List<String> HEADER = List.of("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate",
            "UnitPrice", "CustomerID", "Country");
    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd H:mm[:ss]");

    /** Distinct values kept per job: enough for the real file's ~4,000 SKUs and descriptions, bounded for any file. */
    private static final int MAX_SHARED = 20_000;

    /*
     * Values that repeat from row to row (an invoice's number, customer, date and country on each of its
     * lines; a SKU's code, description and price on every sale of it) are kept once per job, so a parsed
     * chunk waiting for the writer holds one object per distinct value instead of one per cell: less to
     * copy at each young collection and less promoted to the old generation while a chunk is in flight.
     * One instance per job, used by the reader thread only.
     */
    private final Map<String, String> shared = new HashMap<>();
    private final Map<String, BigDecimal> prices = new HashMap<>();
    private final Map<String, Map<String, String>> countries = new HashMap<>();
    private String lastDateText;
    private Instant lastDate;

    ImportRows.Item map(SourceRecord record) {
        long line = record.line();
        if (!record.readable()) {
            return skip(line, record.errorReason(), record.errorDetail());
        }
        Map<String, String> f = record.fields();
        String customerId = shared(text(f.get("CustomerID")));
        if (customerId == null) {
            return skip(line, SkipReason.MISSING_CUSTOMER_ID, "CustomerID is empty");
        }
        String invoice = shared(text(f.get("InvoiceNo")));
        if (invoice == null) {
            return skip(line, SkipReason.MALFORMED_ROW, "InvoiceNo is empty");
        }
        int quantity;
        BigDecimal price;
        try {
            quantity = Integer.parseInt(f.get("Quantity").strip());
        } catch (NumberFormatException e) {
            return skip(line, SkipReason.INVALID_NUMBER, "Quantity '" + f.get("Quantity") + "' is not an integer");
        }
        try {
            price = price(f.get("UnitPrice").strip());
        } catch (NumberFormatException e) {
            return skip(line, SkipReason.INVALID_NUMBER, "UnitPrice '" + f.get("UnitPrice") + "' is not a number");
        }
        Instant date;
        try {
            date = instant(f.get("InvoiceDate").strip());
        } catch (DateTimeParseException e) {
            return skip(line, SkipReason.INVALID_DATE, "InvoiceDate '" + f.get("InvoiceDate")
                    + "' is not yyyy-MM-dd HH:mm:ss");
        }
        String country = shared(text(f.get("Country")));
        Map<String, String> attributes = country == null ? Map.of() : countryAttributes(country);
        boolean cancellation = invoice.startsWith("C");
        SkippedRow lineSkip = null;
        if (cancellation && quantity >= 0) {
            lineSkip = new SkippedRow(line, SkipReason.NON_POSITIVE_QUANTITY,
                    "a cancellation (C invoice) must have a negative quantity, got " + quantity);
        } else if (!cancellation && quantity <= 0) {
            lineSkip = new SkippedRow(line, SkipReason.NON_POSITIVE_QUANTITY, "Quantity is " + quantity);
        } else if (price.signum() <= 0) {
            lineSkip = new SkippedRow(line, SkipReason.NON_POSITIVE_PRICE, "UnitPrice is " + price.toPlainString());
        }
        ImportRows.Line purchaseLine = lineSkip != null ? null : new ImportRows.Line(invoice, cancellation,
                shared(f.get("StockCode")), shared(f.get("Description")), Math.abs(quantity), price, date, "GBP");
        return new ImportRows.Row(line, customerId, Map.of(), attributes, purchaseLine, lineSkip);
    }

    private String shared(String value) {
        if (value == null) {
            return null;
        }
        String kept = shared.get(value);
        if (kept != null) {
            return kept;
        }
        if (shared.size() < MAX_SHARED) {
            shared.put(value, value);
        }
        return value;
    }

    private BigDecimal price(String text) {
        BigDecimal kept = prices.get(text);
        if (kept != null) {
            return kept;
        }
        BigDecimal price = new BigDecimal(text); // throws before anything is kept
        if (prices.size() < MAX_SHARED) {
            prices.put(text, price);
        }
        return price;
    }

    private Map<String, String> countryAttributes(String country) {
        Map<String, String> kept = countries.get(country);
        if (kept == null) {
            kept = Map.of("country", country);
            if (countries.size() < MAX_SHARED) {
                countries.put(country, kept);
            }
        }
        return kept;
    }

    /** The invoice date as UK local time; an invoice's lines share one date, so the last one is kept. */
    private Instant instant(String text) {
        if (!text.equals(lastDateText)) {
            lastDate = date(text).atZone(UK).toInstant();
            lastDateText = text;
        }
        return lastDate;
    }

    /** "yyyy-MM-dd HH:mm:ss" read by hand (the formatter costs more than the rest of the row), else the formatter. */
    private static LocalDateTime date(String text) {
        LocalDateTime read = text.length() == 19 ? DateTimeText.localDateTime(text, ' ') : null;
        return read != null ? read : LocalDateTime.parse(text, DATE);
    }

    private static ImportRows.Skip skip(long line, String reason, String detail) {
        return new ImportRows.Skip(new SkippedRow(line, reason, detail));
    }

    private static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
