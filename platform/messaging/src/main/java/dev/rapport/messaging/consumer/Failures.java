package dev.rapport.messaging.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import io.quarkus.narayana.jta.QuarkusTransactionException;

import java.lang.reflect.UndeclaredThrowableException;
import java.time.DateTimeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Classifies handler failures: which are worth a retry, and what to report on the dead-letter topic. */
final class Failures {

    private Failures() {
    }

    /**
     * Failures that repeat identically on every attempt (bad data, a violated precondition) are not
     * retried; anything else (database hiccups, timeouts, locks, a service not reachable) is.
     */
    static boolean isRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonEventException
                    || t instanceof IllegalArgumentException
                    || t instanceof JsonProcessingException
                    || t instanceof DateTimeException) {
                return false;
            }
        }
        return true;
    }

    /** The failure without the wrappers added by transactions and proxies, as the handler threw it. */
    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t && isWrapper(t)) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean isWrapper(Throwable t) {
        return t instanceof QuarkusTransactionException
                || t instanceof ArcUndeclaredThrowableException
                || t instanceof UndeclaredThrowableException
                || t instanceof ExecutionException
                || t instanceof CompletionException;
    }
}
