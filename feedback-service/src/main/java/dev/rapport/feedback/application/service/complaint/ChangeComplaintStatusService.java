package dev.rapport.feedback.application.service.complaint;

import dev.rapport.feedback.application.port.in.complaint.ChangeComplaintStatusCommand;
import dev.rapport.feedback.application.port.in.complaint.ChangeComplaintStatusUseCase;
import dev.rapport.feedback.application.port.out.complaint.ComplaintEventPublisher;
import dev.rapport.feedback.application.port.out.complaint.ComplaintRepository;
import dev.rapport.feedback.domain.complaint.Complaint;
import dev.rapport.feedback.domain.complaint.ComplaintStatus;
import dev.rapport.feedback.domain.complaint.ComplaintTransition;
import dev.rapport.feedback.domain.complaint.SlaPolicy;
import dev.rapport.kernel.InvalidInputException;
import dev.rapport.kernel.InvalidValueException;
import dev.rapport.kernel.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

@ApplicationScoped
public class ChangeComplaintStatusService implements ChangeComplaintStatusUseCase {

    private final ComplaintRepository complaints;
    private final ComplaintEventPublisher events;
    private final SlaPolicy sla;
    private final Clock clock;

    public ChangeComplaintStatusService(ComplaintRepository complaints, ComplaintEventPublisher events, SlaPolicy sla,
                                        Clock clock) {
        this.complaints = complaints;
        this.events = events;
        this.sla = sla;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Complaint change(ChangeComplaintStatusCommand command) {
        ComplaintStatus to;
        try {
            to = ComplaintStatus.parse(command.status());
        } catch (InvalidValueException e) {
            throw InvalidInputException.of("status", e.getMessage());
        }
        Complaint complaint = complaints.findForUpdate(command.complaintId())
                .orElseThrow(() -> new NotFoundException("Complaint", "no complaint " + command.complaintId()));
        ComplaintStatus from = complaint.status();
        Instant now = clock.instant();
        ComplaintTransition transition;
        try {
            transition = complaint.moveTo(to, command.note(), now, sla.calendar());
        } catch (InvalidValueException e) {
            throw InvalidInputException.of("note", e.getMessage());
        }
        complaints.update(complaint, transition);
        if (from == ComplaintStatus.NEW && to == ComplaintStatus.ACKNOWLEDGED) {
            events.firstResponse(complaint);
        } else if (to == ComplaintStatus.RESOLVED) {
            events.resolved(complaint);
        } else if (from == ComplaintStatus.RESOLVED && to == ComplaintStatus.IN_PROGRESS) {
            events.reopened(complaint, now);
        }
        return complaint;
    }
}
