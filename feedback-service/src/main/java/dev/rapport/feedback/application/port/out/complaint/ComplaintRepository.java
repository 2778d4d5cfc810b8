package dev.rapport.feedback.application.port.out.complaint;

import dev.rapport.feedback.domain.complaint.Complaint;
import dev.rapport.feedback.domain.complaint.ComplaintFilter;
import dev.rapport.feedback.domain.complaint.ComplaintTransition;
import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Stored complaints with their history. */
public interface ComplaintRepository {

    void add(Complaint complaint);

    Optional<Complaint> find(UUID id);

    /** The complaint, locked until the transaction ends (concurrent changes wait). */
    Optional<Complaint> findForUpdate(UUID id);

    /** Writes the complaint's current state and appends {@code transition} (if any) to its history. */
    void update(Complaint complaint, ComplaintTransition transition);

    /** Newest first (openedAt, then id, descending). */
    Page<Complaint> list(ComplaintFilter filter, PageRequest page);

    /** Erases subject, description and notes of a customer's complaints; returns how many. */
    int eraseTexts(UUID customerId, Instant erasedAt);

    /** Moves a customer's complaints to another customer; returns how many. */
    int reassign(UUID fromCustomerId, UUID toCustomerId);
}
