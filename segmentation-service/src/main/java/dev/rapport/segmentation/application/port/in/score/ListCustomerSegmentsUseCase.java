package dev.rapport.segmentation.application.port.in.score;

import dev.rapport.kernel.paging.Page;

public interface ListCustomerSegmentsUseCase {

    Page<CustomerSegmentsView> list(ListCustomerSegmentsQuery query);
}
