package dev.rapport.segmentation.adapter.out.persistence.recompute;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * A binary COPY TO STDOUT read on a pooled connection of its own, on a thread of its own, streamed to the caller
 * through a pipe. The recompute's transaction writes the changed rows and the events on its connection while
 * it reads, and a connection taken inside that transaction would be the transaction's own (busy with the
 * COPY). It still reads what the transaction's lock fixed: no fact changes while that lock is held.
 */
final class SnapshotCopy {

    private static final int PIPE = 1 << 20;

    private SnapshotCopy() {
    }

    /** The COPY's rows, positioned after the binary header; closing it stops the read. */
    static CopyInput open(DataSource dataSource, String sql) throws IOException {
        PipedInputStream pipe = new PipedInputStream(PIPE);
        PipedOutputStream sink = new PipedOutputStream(pipe);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = Thread.ofPlatform().name("segmentation-recompute-read").daemon().unstarted(() -> {
            // the driver writes a row at a time: buffered, the pipe passes blocks (one wake-up each, not per row)
            try (OutputStream out = new BufferedOutputStream(sink, 1 << 16); Connection c = dataSource.getConnection()) {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    // the joins and aggregates hold a state per customer: in memory up to this, not spilled
                    st.execute("SET LOCAL work_mem = '256MB'");
                    c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
                    c.commit();
                } catch (Exception e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(autoCommit);
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        InputStream checked = new FilterInputStream(pipe) {

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b == -1) {
                    finished();
                }
                return b;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                int read = super.read(bytes, offset, length);
                if (read == -1) {
                    finished();
                }
                return read;
            }

            @Override
            public void close() throws IOException {
                super.close();
                join();
            }

            private void finished() throws IOException {
                join();
                Throwable failed = failure.get();
                if (failed != null) {
                    throw new IOException("COPY out: " + failed.getMessage(), failed);
                }
            }

            private void join() {
                try {
                    reader.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        reader.start();
        CopyInput in = new CopyInput(checked);
        try {
            byte[] signature = new byte[TotalsScoring.SIGNATURE.length];
            in.readFully(signature, 0, signature.length);
            if (!Arrays.equals(signature, TotalsScoring.SIGNATURE)) {
                throw new IOException("not a binary COPY stream");
            }
            in.readInt(); // flags
            in.skipNBytes(in.readInt()); // header extension
            return in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }
}
