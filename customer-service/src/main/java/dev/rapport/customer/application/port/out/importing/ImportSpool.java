package dev.rapport.customer.application.port.out.importing;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import dev.rapport.customer.domain.importing.ImportFormat;
import dev.rapport.customer.domain.importing.ImportJobId;

/**
 * The uploaded body on disk, so a job can be read in chunks, resumed after a restart at a byte
 * offset, and never needs the whole body in memory. Also turns bytes into source records (CSV or
 * NDJSON), because offsets are a property of the file format.
 */
public interface ImportSpool {

    /**
     * Copies {@code body} (already decompressed by the caller if needed) to the spool.
     *
     * @return the number of bytes stored
     * @throws dev.rapport.customer.domain.importing.ImportTooLargeException above {@code maxBytes}; nothing is kept
     */
    long store(ImportJobId id, InputStream body, long maxBytes);

    boolean exists(ImportJobId id);

    void delete(ImportJobId id);

    /** The header of a CSV spool (columns, and where the first data row starts); NDJSON has none. */
    Header header(ImportJobId id, ImportFormat format);

    /** Records from {@code offset} on; {@code line} is the line number at that offset. */
    RecordCursor open(ImportJobId id, ImportFormat format, List<String> columns, long offset, long line);

    record Header(List<String> columns, long endOffset, long nextLine, String error) {
    }

    /**
     * One source record. {@code fields} by column name (CSV header) or key (NDJSON, values as text);
     * when it cannot be read, {@code fields} is null and {@code errorReason}/{@code errorDetail} say why.
     * {@code endOffset}/{@code nextLine} point just past it.
     */
    record SourceRecord(long line, long endOffset, long nextLine, Map<String, String> fields, String errorReason,
                        String errorDetail) {

        public boolean readable() {
            return fields != null;
        }
    }

    interface RecordCursor extends AutoCloseable {

        /** Null at the end of the spool, or when the calling thread is interrupted (its flag then stays set). */
        SourceRecord next();

        @Override
        void close();
    }
}
