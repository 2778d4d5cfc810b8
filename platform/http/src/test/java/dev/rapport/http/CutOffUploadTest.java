package dev.rapport.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import static org.awaitility.Awaitility.await;

/** An upload the client (or the gateway at its body limit) cuts off is the client's doing: no ERROR, no stack trace. */
@QuarkusTest
class CutOffUploadTest {

    @TestHTTPResource("/")
    URL base;

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void aBodyOverTheLimitIsLoggedAsOneLineWithoutStackTrace() throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /probe/uploads HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try {
                // 70 KiB, chunked so that only reading finds out it is over the 64K limit of the tests.
                for (int i = 0; i < 70; i++) {
                    out.write("400\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(new byte[1024]);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException closedByTheServer) {
                // it may answer and close before the last chunk
            }
            byte[] answer = new byte[200];
            int read = socket.getInputStream().read(answer);
            assertThat(new String(answer, 0, Math.max(read, 0), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 413");
        }
        await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() -> assertThat(logged).anySatisfy(record ->
                assertThat(String.valueOf(record.getMessage())).contains("ended early")));
        assertThat(logged).filteredOn(record -> String.valueOf(record.getMessage()).contains("ended early")).hasSize(1);
        assertThat(logged).noneSatisfy(record -> assertThat(record.getLevel().intValue()).isGreaterThanOrEqualTo(Level.SEVERE.intValue()));
        assertThat(logged).allSatisfy(record -> assertThat(record.getThrown()).isNull());
    }
}
