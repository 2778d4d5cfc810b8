package dev.rapport.feedback.application.port.in.complaint;

import dev.rapport.feedback.domain.complaint.ComplaintFilter;
import dev.rapport.kernel.paging.PageRequest;

public record ListComplaintsQuery(ComplaintFilter filter, PageRequest page) {
}
