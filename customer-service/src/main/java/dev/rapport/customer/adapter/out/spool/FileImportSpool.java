package dev.rapport.customer.adapter.out.spool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.customer.application.port.out.importing.ImportSpool;
import dev.rapport.customer.config.ImportConfig;
import dev.rapport.customer.domain.importing.ImportFormat;
import dev.rapport.customer.domain.importing.ImportJobId;
import dev.rapport.customer.domain.importing.ImportTooLargeException;
import dev.rapport.customer.domain.importing.SkipReason;

/**
 * Spool files {@code <directory>/<job id>.spool}, written while the body arrives (counting bytes,
 * so an oversized body is cut off early) and read record by record from any byte offset. Records:
 * RFC 4180 CSV (quoted fields may hold commas, quotes and newlines) or one JSON object per line.
 * Each record is decoded as strict UTF-8: invalid bytes make that row a skipped "invalid-encoding"
 * row instead of silently becoming U+FFFD.
 */
@ApplicationScoped
public class FileImportSpool implements ImportSpool {

    /** A record longer than this is not a row but a broken file (e.g. an unclosed quote). */
    static final int MAX_RECORD_BYTES = 1 << 20;
    private static final int READ_AHEAD_BATCH_SIZE = 1000;
    private static final int READ_AHEAD_BATCHES = 2;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final Path directory;

    public FileImportSpool(ImportConfig config) {
        this.directory = Path.of(config.directoryOrDefault());
    }

    private Path file(ImportJobId id) {
        return directory.resolve(id + ".spool");
    }

    @Override
    public long store(ImportJobId id, InputStream body, long maxBytes) {
        Path target = file(id);
        long total = 0;
        try {
            Files.createDirectories(directory);
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = body.read(buffer, 0, buffer.length)) >= 0) {
                    total += n;
                    if (total > maxBytes) {
                        throw new ImportTooLargeException(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            return total;
        } catch (IOException e) {
            delete(id);
            throw new UncheckedIOException("cannot spool import " + id + " to " + target, e);
        } catch (RuntimeException e) {
            delete(id);
            throw e;
        }
    }

    @Override
    public boolean exists(ImportJobId id) {
        return Files.isRegularFile(file(id));
    }

    @Override
    public void delete(ImportJobId id) {
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Header header(ImportJobId id, ImportFormat format) {
        if (format == ImportFormat.NDJSON) {
            return new Header(List.of(), 0, 1, null);
        }
        try (Reader reader = new Reader(file(id), 0, 1)) {
            RawRecord raw = reader.nextRaw();
            if (raw == null) {
                return new Header(List.of(), 0, 1, "has no header row");
            }
            String text;
            try {
                text = decode(raw);
            } catch (CharacterCodingException e) {
                return new Header(List.of(), 0, 1, "header row is not valid UTF-8");
            }
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            List<String> columns = Csv.split(text);
            if (columns == null) {
                return new Header(List.of(), 0, 1, "header row is not valid CSV");
            }
            return new Header(columns.stream().map(String::strip).toList(), raw.endOffset, raw.nextLine, null);
        }
    }

    @Override
    public RecordCursor open(ImportJobId id, ImportFormat format, List<String> columns, long offset, long line) {
        Reader reader = new Reader(file(id), offset, line);
        CsvRow.Columns names = new CsvRow.Columns(columns);
        // Records are read and split on a thread of their own, a batch or two ahead of the import,
        // which meanwhile maps and stores the previous ones; batches keep the hand-overs few.
        ReadAhead<List<SourceRecord>> batches = new ReadAhead<>("rapport-import-spool", READ_AHEAD_BATCHES, () -> {
            List<SourceRecord> batch = new ArrayList<>(READ_AHEAD_BATCH_SIZE);
            RawRecord raw;
            while (batch.size() < READ_AHEAD_BATCH_SIZE && (raw = reader.nextRaw()) != null) {
                batch.add(format == ImportFormat.NDJSON ? json(raw) : csv(raw, columns, names));
            }
            return batch.isEmpty() ? null : batch;
        });
        return new RecordCursor() {
            private List<SourceRecord> batch = List.of();
            private int next;

            @Override
            public SourceRecord next() {
                if (next == batch.size()) {
                    try {
                        batch = batches.next();
                    } catch (InterruptedException e) {
                        // Shutdown: the end for this run; the flag tells the import it was interrupted.
                        Thread.currentThread().interrupt();
                        batch = null;
                    }
                    next = 0;
                    if (batch == null) {
                        batch = List.of();
                        return null;
                    }
                }
                return batch.get(next++);
            }

            @Override
            public void close() {
                batches.close(); // the reading thread ends before its file is closed
                reader.close();
            }
        };
    }

    private static SourceRecord csv(RawRecord raw, List<String> columns, CsvRow.Columns names) {
        if (raw.tooLong) {
            return error(raw, SkipReason.MALFORMED_ROW, "row longer than " + MAX_RECORD_BYTES + " bytes (unclosed quote?)");
        }
        String text;
        try {
            text = decode(raw);
        } catch (CharacterCodingException e) {
            return error(raw, SkipReason.INVALID_ENCODING, "row is not valid UTF-8");
        }
        List<String> values = Csv.split(text);
        if (values == null) {
            return error(raw, SkipReason.MALFORMED_ROW, "unbalanced quotes");
        }
        if (values.size() != columns.size()) {
            return error(raw, SkipReason.MALFORMED_ROW, "has " + values.size() + " columns, the header has " + columns.size());
        }
        return new SourceRecord(raw.line, raw.endOffset, raw.nextLine, new CsvRow(names, values), null, null);
    }

    private static SourceRecord json(RawRecord raw) {
        if (raw.tooLong) {
            return error(raw, SkipReason.MALFORMED_ROW, "line longer than " + MAX_RECORD_BYTES + " bytes");
        }
        String text;
        try {
            text = decode(raw);
        } catch (CharacterCodingException e) {
            return error(raw, SkipReason.INVALID_ENCODING, "line is not valid UTF-8");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            return error(raw, SkipReason.MALFORMED_ROW, "not valid JSON");
        }
        if (node == null || !node.isObject()) {
            return error(raw, SkipReason.MALFORMED_ROW, "not a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        node.properties().forEach(e -> fields.put(e.getKey(), text(e.getValue())));
        return new SourceRecord(raw.line, raw.endOffset, raw.nextLine, fields, null, null);
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(v.asText()));
            return String.join(";", parts);
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static SourceRecord error(RawRecord raw, String reason, String detail) {
        return new SourceRecord(raw.line, raw.endOffset, raw.nextLine, null, reason, detail);
    }

    private static String decode(RawRecord raw) throws CharacterCodingException {
        if (raw.ascii) {
            // Every byte below 0x80 is the same character in UTF-8 and Latin-1, and Latin-1 decoding is
            // a plain copy into a compact string: most rows of real files take this path.
            return new String(raw.bytes, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(raw.bytes)).toString();
    }

    /** Bytes of one record (without its line end), where it started and what follows it. */
    private record RawRecord(byte[] bytes, boolean ascii, long line, long endOffset, long nextLine, boolean tooLong) {
    }

    /**
     * Cuts the file into records at line feeds outside double quotes, counting bytes and lines.
     * Empty lines are passed over.
     */
    private static final class Reader implements AutoCloseable {

        private final FileChannel channel;
        private final InputStream in;
        // Own buffer instead of BufferedInputStream.read() per byte, which takes a lock for every byte.
        private final byte[] buffer = new byte[256 * 1024];
        private final ByteSink sink = new ByteSink();
        private int position;
        private int limit;
        private long offset;
        private long line;

        Reader(Path file, long offset, long line) {
            try {
                channel = FileChannel.open(file, StandardOpenOption.READ);
                channel.position(offset);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read spool " + file, e);
            }
            this.in = Channels.newInputStream(channel);
            this.offset = offset;
            this.line = line;
        }

        RawRecord nextRaw() {
            try {
                while (true) {
                    long startLine = line;
                    sink.clear();
                    boolean quoted = false;
                    int highBits = 0;
                    boolean any = false;
                    boolean ended = false;
                    while (!ended && (position < limit || fill())) {
                        any = true;
                        int start = position;
                        int i = position;
                        while (i < limit) {
                            byte b = buffer[i++];
                            highBits |= b;
                            if (b == '"') {
                                quoted = !quoted;
                            } else if (b == '\n') {
                                line++;
                                if (!quoted) {
                                    ended = true;
                                    break;
                                }
                            }
                        }
                        // The record's bytes in this buffer, without the line feed that ends it.
                        sink.add(buffer, start, ended ? i - 1 - start : i - start);
                        offset += i - start;
                        position = i;
                    }
                    if (!any) {
                        return null;
                    }
                    byte[] bytes = sink.bytesWithoutCarriageReturn();
                    if (bytes.length == 0 && !sink.overflow) {
                        continue;
                    }
                    // A byte with the high bit set is negative: OR-ing them all tells whether any was.
                    return new RawRecord(bytes, highBits >= 0, startLine, offset, line, sink.overflow);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private boolean fill() throws IOException {
            int read = in.read(buffer, 0, buffer.length);
            if (read <= 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Collects a record's bytes, dropping everything past {@link #MAX_RECORD_BYTES}; reused record after record. */
    private static final class ByteSink {
        private byte[] buffer = new byte[256];
        private int size;
        private boolean overflow;

        void add(byte[] bytes, int from, int length) {
            int room = MAX_RECORD_BYTES - size;
            if (length > room) {
                overflow = true;
                length = room;
            }
            if (size + length > buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.min(Math.max(buffer.length * 2, size + length),
                        MAX_RECORD_BYTES));
            }
            System.arraycopy(bytes, from, buffer, size, length);
            size += length;
        }

        void clear() {
            size = 0;
            overflow = false;
        }

        /** The bytes so far, without a final carriage return (CRLF line ends). */
        byte[] bytesWithoutCarriageReturn() {
            int length = size > 0 && buffer[size - 1] == '\r' ? size - 1 : size;
            return java.util.Arrays.copyOf(buffer, length);
        }
    }
}
