package dev.rapport.messaging.consumer;

import com.fasterxml.jackson.core.JsonParseException;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLTransientException;
import java.time.DateTimeException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailuresTest {

    @Test
    void failuresThatRepeatOnEveryAttemptAreNotRetried() {
        assertFalse(Failures.isRetryable(new PoisonEventException("bad data")));
        assertFalse(Failures.isRetryable(new IllegalArgumentException("bad value")));
        assertFalse(Failures.isRetryable(new NumberFormatException("not a number")));
        assertFalse(Failures.isRetryable(new DateTimeException("bad date")));
        assertFalse(Failures.isRetryable(new JsonParseException(null, "bad json")));
    }

    @Test
    void aNonRetryableCauseBehindWrappersCounts() {
        assertFalse(Failures.isRetryable(new QuarkusTransactionException(
                new IllegalStateException("wrapped", new PoisonEventException("bad data")))));
    }

    @Test
    void everythingElseIsRetried() {
        assertTrue(Failures.isRetryable(new IllegalStateException("service unavailable")));
        assertTrue(Failures.isRetryable(new QuarkusTransactionException(new SQLTransientException("lock timeout"))));
    }

    @Test
    void unwrapRemovesTransactionWrappersOnly() {
        SQLTransientException cause = new SQLTransientException("lock timeout");
        assertSame(cause, Failures.unwrap(new QuarkusTransactionException(cause)));
        IllegalStateException handlerFailure = new IllegalStateException("outer", cause);
        assertSame(handlerFailure, Failures.unwrap(handlerFailure));
    }
}
