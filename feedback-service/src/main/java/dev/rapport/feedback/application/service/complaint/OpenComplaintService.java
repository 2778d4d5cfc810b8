package dev.rapport.feedback.application.service.complaint;

import dev.rapport.feedback.application.port.in.complaint.OpenComplaintCommand;
import dev.rapport.feedback.application.port.in.complaint.OpenComplaintUseCase;
import dev.rapport.feedback.application.port.out.agent.AgentRepository;
import dev.rapport.feedback.application.port.out.complaint.ComplaintEventPublisher;
import dev.rapport.feedback.application.port.out.complaint.ComplaintRepository;
import dev.rapport.feedback.application.port.out.customer.CustomerClassRepository;
import dev.rapport.feedback.domain.agent.Agent;
import dev.rapport.feedback.domain.complaint.Complaint;
import dev.rapport.feedback.domain.complaint.ServiceClass;
import dev.rapport.feedback.domain.complaint.SlaPolicy;
import dev.rapport.kernel.TimeOrderedIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Optional;

@ApplicationScoped
public class OpenComplaintService implements OpenComplaintUseCase {

    private final ComplaintRepository complaints;
    private final ComplaintEventPublisher events;
    private final AgentRepository agents;
    private final CustomerClassRepository customerClasses;
    private final SlaPolicy sla;
    private final Clock clock;

    public OpenComplaintService(ComplaintRepository complaints, ComplaintEventPublisher events, AgentRepository agents,
                                CustomerClassRepository customerClasses, SlaPolicy sla, Clock clock) {
        this.complaints = complaints;
        this.customerClasses = customerClasses;
        this.events = events;
        this.agents = agents;
        this.sla = sla;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Complaint open(OpenComplaintCommand command) {
        // The class known at opening fixes the deadlines; a customer nobody classified yet is standard.
        ServiceClass serviceClass = command.customerId() == null ? ServiceClass.STANDARD
                : customerClasses.find(command.customerId())
                        .map(c -> sla.classOf(c.abcClass(), c.loyaltyTier()))
                        .orElse(ServiceClass.STANDARD);
        Complaint complaint = Complaint.open(TimeOrderedIds.next(), command.customerId(), command.channel(),
                command.category(), command.priority(), command.subject(), command.description(), serviceClass, sla,
                clock.instant());
        Optional<Agent> agent = agents.takeNext(complaint.category(), complaint.openedAt());
        agent.ifPresent(a -> complaint.assignTo(a.id()));
        complaints.add(complaint);
        events.opened(complaint);
        agent.ifPresent(a -> events.assigned(complaint, a, false, complaint.openedAt()));
        return complaint;
    }
}
