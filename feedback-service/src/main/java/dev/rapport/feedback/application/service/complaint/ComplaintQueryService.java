package dev.rapport.feedback.application.service.complaint;

import dev.rapport.feedback.application.port.in.complaint.GetComplaintUseCase;
import dev.rapport.feedback.application.port.in.complaint.ListComplaintsQuery;
import dev.rapport.feedback.application.port.in.complaint.ListComplaintsUseCase;
import dev.rapport.feedback.application.port.out.complaint.ComplaintRepository;
import dev.rapport.feedback.domain.complaint.Complaint;
import dev.rapport.kernel.NotFoundException;
import dev.rapport.kernel.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ComplaintQueryService implements GetComplaintUseCase, ListComplaintsUseCase {

    private final ComplaintRepository complaints;

    public ComplaintQueryService(ComplaintRepository complaints) {
        this.complaints = complaints;
    }

    @Override
    public Complaint get(UUID id) {
        return complaints.find(id).orElseThrow(() -> new NotFoundException("Complaint", "no complaint " + id));
    }

    @Override
    public Page<Complaint> list(ListComplaintsQuery query) {
        return complaints.list(query.filter(), query.page());
    }
}
