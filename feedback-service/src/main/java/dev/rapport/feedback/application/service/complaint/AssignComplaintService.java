package dev.rapport.feedback.application.service.complaint;

import dev.rapport.feedback.application.port.in.complaint.AssignComplaintCommand;
import dev.rapport.feedback.application.port.in.complaint.AssignComplaintUseCase;
import dev.rapport.feedback.application.port.out.agent.AgentRepository;
import dev.rapport.feedback.application.port.out.complaint.ComplaintEventPublisher;
import dev.rapport.feedback.application.port.out.complaint.ComplaintRepository;
import dev.rapport.feedback.domain.agent.Agent;
import dev.rapport.feedback.domain.complaint.Complaint;
import dev.rapport.feedback.domain.complaint.ComplaintStatus;
import dev.rapport.kernel.ConflictException;
import dev.rapport.kernel.InvalidInputException;
import dev.rapport.kernel.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Map;

@ApplicationScoped
public class AssignComplaintService implements AssignComplaintUseCase {

    private final ComplaintRepository complaints;
    private final AgentRepository agents;
    private final ComplaintEventPublisher events;
    private final Clock clock;

    public AssignComplaintService(ComplaintRepository complaints, AgentRepository agents,
                                  ComplaintEventPublisher events, Clock clock) {
        this.complaints = complaints;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Complaint assign(AssignComplaintCommand command) {
        if (command.agentId() == null) {
            throw InvalidInputException.of("agentId", "must not be null");
        }
        Complaint complaint = complaints.findForUpdate(command.complaintId())
                .orElseThrow(() -> new NotFoundException("Complaint", "no complaint " + command.complaintId()));
        Agent agent = agents.find(command.agentId())
                .orElseThrow(() -> InvalidInputException.of("agentId", "no such agent"));
        if (complaint.status() == ComplaintStatus.CLOSED) {
            throw new ConflictException("complaint-closed", "Complaint closed",
                    "a closed complaint cannot be reassigned", Map.of("currentStatus", "closed"));
        }
        complaint.assignTo(agent.id());
        complaints.update(complaint, null);
        events.assigned(complaint, agent, true, clock.instant());
        return complaint;
    }
}
