package dev.rapport.feedback.application.port.out.complaint;

import dev.rapport.feedback.domain.complaint.SlaNotice;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The SLA scan's side of the complaint store: who scans, and which notices are due. */
public interface SlaNoticeClaims {

    /** Takes the scan lock for the current transaction; false when another instance holds it. */
    boolean tryLockScan();

    /**
     * Marks and returns up to {@code limit} notices due at {@code now}: warnings for deadlines within
     * {@code warningBefore} (not yet passed), breaches for passed deadlines. A marked notice is never
     * returned again; the mark commits with the caller's transaction.
     */
    List<SlaNotice> claim(Instant now, Duration warningBefore, int limit);
}
