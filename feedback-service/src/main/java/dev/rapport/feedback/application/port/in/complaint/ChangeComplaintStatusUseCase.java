package dev.rapport.feedback.application.port.in.complaint;

import dev.rapport.feedback.domain.complaint.Complaint;

/**
 * Moves a complaint along its life cycle, keeping the step in its history.
 *
 * @see dev.rapport.feedback.domain.complaint.ComplaintStatus
 */
public interface ChangeComplaintStatusUseCase {
    /**
     * @throws dev.rapport.kernel.NotFoundException for an unknown complaint
     * @throws dev.rapport.kernel.ConflictException for a transition the life cycle does not allow
     */
    Complaint change(ChangeComplaintStatusCommand command);
}
