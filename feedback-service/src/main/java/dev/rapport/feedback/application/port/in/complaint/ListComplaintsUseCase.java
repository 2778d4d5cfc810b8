package dev.rapport.feedback.application.port.in.complaint;

import dev.rapport.feedback.domain.complaint.Complaint;
import dev.rapport.kernel.paging.Page;

/** Complaints newest first. */
public interface ListComplaintsUseCase {
    Page<Complaint> list(ListComplaintsQuery query);
}
