package dev.rapport.feedback.application.service.complaint;

import dev.rapport.feedback.application.port.in.complaint.ScanSlaUseCase;
import dev.rapport.feedback.application.port.out.complaint.ComplaintEventPublisher;
import dev.rapport.feedback.application.port.out.complaint.SlaNoticeClaims;
import dev.rapport.feedback.domain.complaint.SlaNotice;
import dev.rapport.feedback.domain.complaint.SlaPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * One transaction per scan: the advisory lock, the claimed marks and the events' outbox rows commit
 * together, so a notice is published exactly when its mark is stored (a crash loses neither or both).
 */
@ApplicationScoped
public class ScanSlaService implements ScanSlaUseCase {

    static final int BATCH = 5_000;

    private final SlaNoticeClaims claims;
    private final ComplaintEventPublisher events;
    private final SlaPolicy sla;
    private final Clock clock;

    public ScanSlaService(SlaNoticeClaims claims, ComplaintEventPublisher events, SlaPolicy sla, Clock clock) {
        this.claims = claims;
        this.events = events;
        this.sla = sla;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int scan() {
        if (!claims.tryLockScan()) {
            return 0;
        }
        List<SlaNotice> notices = claims.claim(clock.instant(), sla.warningBefore(), BATCH);
        notices.forEach(events::slaNotice);
        return notices.size();
    }
}
