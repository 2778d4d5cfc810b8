package dev.rapport.segmentation.application.port.in.score;

import dev.rapport.kernel.paging.Page;
import dev.rapport.segmentation.domain.score.ScoredCustomer;

public interface ListCustomerSegmentsUseCase {

    Page<ScoredCustomer> list(ListCustomerSegmentsQuery query);
}
