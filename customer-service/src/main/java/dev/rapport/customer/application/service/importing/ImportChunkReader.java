package dev.rapport.customer.application.service.importing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.rapport.customer.application.port.out.importing.ImportSpool;
import dev.rapport.customer.application.port.out.importing.ImportSpool.SourceRecord;
import dev.rapport.customer.domain.importing.ImportFormat;
import dev.rapport.customer.domain.importing.ImportJob;
import dev.rapport.customer.domain.importing.ImportMapping;
import dev.rapport.customer.domain.importing.SkipReason;
import dev.rapport.customer.domain.importing.SkippedRow;

/**
 * Cuts the spool into chunks at order boundaries and maps every record, so the writer only sees
 * mapped rows. Each chunk carries the checkpoint just past its last record: applying chunk n stores
 * where chunk n + 1 starts. Not thread-safe.
 */
final class ImportChunkReader {

    private final ImportFormat format;
    private final ImportMapping mapping;
    private final ImportSpool.RecordCursor cursor;
    private final int chunkSize;
    /** Orders whose rows ended; a later row of one of them is skipped as not contiguous. */
    private final Set<String> closedOrders = new HashSet<>();
    private final OnlineRetailRows onlineRetail = new OnlineRetailRows();
    private boolean started;
    private SourceRecord pending;
    private long nextOffset;
    private long nextLine;

    /** Reads the job only here, on the writer's thread, which changes it afterwards. */
    ImportChunkReader(ImportJob job, ImportSpool.RecordCursor cursor, int chunkSize) {
        this.format = job.format();
        this.mapping = job.mapping();
        this.cursor = cursor;
        this.chunkSize = chunkSize;
        this.nextOffset = job.checkpointOffset();
        this.nextLine = job.checkpointLine();
    }

    /** The next chunk, or null when the spool is read to its end. */
    ImportChunkWriter.Chunk next() {
        if (!started) {
            started = true;
            pending = cursor.next(); // on the reading thread, not in the constructor
        }
        if (pending == null) {
            return null;
        }
        List<ImportRows.Item> items = new ArrayList<>();
        long rowsRead = 0;
        int orders = 0;
        String currentOrder = null;
        while (pending != null) {
            ImportRows.Item item = map(pending);
            String order = orderKey(pending);
            boolean newOrder = order == null || !order.equals(currentOrder);
            if (newOrder && orders >= chunkSize) {
                break; // the chunk ends at an order boundary; this record starts the next one
            }
            if (newOrder) {
                if (currentOrder != null) {
                    closedOrders.add(currentOrder);
                }
                orders++;
                currentOrder = order;
            }
            if (order != null && closedOrders.contains(order) && item instanceof ImportRows.Row) {
                item = new ImportRows.Skip(new SkippedRow(item.line(), SkipReason.INVOICE_NOT_CONTIGUOUS,
                        "rows of order " + order + " appeared earlier in the file, separated from this one; "
                                + "an order's rows must be consecutive (this row was not applied)"));
            }
            items.add(item);
            rowsRead++;
            nextOffset = pending.endOffset();
            nextLine = pending.nextLine();
            pending = cursor.next();
        }
        if (currentOrder != null) {
            closedOrders.add(currentOrder);
        }
        return new ImportChunkWriter.Chunk(items, rowsRead, nextOffset, nextLine);
    }

    private ImportRows.Item map(SourceRecord record) {
        return format == ImportFormat.ONLINE_RETAIL ? onlineRetail.map(record)
                : MappedRows.map(record, mapping);
    }

    /** The order a record belongs to as written in the file, also for rows that will be skipped. */
    private String orderKey(SourceRecord record) {
        if (!record.readable()) {
            return null;
        }
        String column = format == ImportFormat.ONLINE_RETAIL ? "InvoiceNo"
                : mapping.hasPurchases() ? mapping.source("orderId") : null;
        String value = column == null ? null : record.fields().get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
