package dev.rapport.segmentation.adapter.out.persistence.recompute;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Big-endian fields of a binary COPY stream read from a buffer of its own: a recompute reads tens of fields per
 * customer, and a DataInputStream over a BufferedInputStream takes a synchronized call per field.
 */
final class CopyInput implements Closeable {

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;

    CopyInput(InputStream in) {
        this.in = in;
    }

    /** Whether another byte follows (reads ahead; false at the end of the stream). */
    boolean more() throws IOException {
        return position < limit || fill();
    }

    byte readByte() throws IOException {
        need(1);
        return buffer[position++];
    }

    short readShort() throws IOException {
        need(2);
        int p = position;
        position = p + 2;
        return (short) ((buffer[p] & 0xFF) << 8 | buffer[p + 1] & 0xFF);
    }

    int readInt() throws IOException {
        need(4);
        int p = position;
        position = p + 4;
        return (buffer[p] & 0xFF) << 24 | (buffer[p + 1] & 0xFF) << 16 | (buffer[p + 2] & 0xFF) << 8
                | buffer[p + 3] & 0xFF;
    }

    long readLong() throws IOException {
        return (long) readInt() << 32 | readInt() & 0xFFFFFFFFL;
    }

    void readFully(byte[] into, int offset, int length) throws IOException {
        while (length > 0) {
            if (position == limit && !fill()) {
                throw new EOFException();
            }
            int n = Math.min(length, limit - position);
            System.arraycopy(buffer, position, into, offset, n);
            position += n;
            offset += n;
            length -= n;
        }
    }

    void skipNBytes(long count) throws IOException {
        while (count > 0) {
            if (position == limit && !fill()) {
                throw new EOFException();
            }
            int n = (int) Math.min(count, limit - position);
            position += n;
            count -= n;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Makes at least {@code count} (at most the buffer's size) bytes available from position. */
    private void need(int count) throws IOException {
        if (limit - position >= count) {
            return;
        }
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        while (limit < count) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                throw new EOFException();
            }
            limit += read;
        }
    }

    private boolean fill() throws IOException {
        position = 0;
        limit = 0;
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
            return false;
        }
        limit = read;
        return true;
    }
}
