package dev.rapport.feedback.application.port.in.complaint;

import dev.rapport.feedback.domain.complaint.Complaint;

/**
 * Manual (re)assignment to a named agent, whatever the agent's availability or load (a supervisor's
 * decision); complaint-assigned.
 */
public interface AssignComplaintUseCase {
    /**
     * @throws dev.rapport.kernel.NotFoundException for an unknown complaint
     * @throws dev.rapport.kernel.InvalidInputException for a missing or unknown agent
     * @throws dev.rapport.kernel.ConflictException for a closed complaint
     */
    Complaint assign(AssignComplaintCommand command);
}
