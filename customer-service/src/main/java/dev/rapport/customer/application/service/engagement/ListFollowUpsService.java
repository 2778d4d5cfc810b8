package dev.rapport.customer.application.service.engagement;

import dev.rapport.customer.application.service.Clocks;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.in.engagement.FollowUpQuery;
import dev.rapport.customer.application.port.in.engagement.ListFollowUpsUseCase;
import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.application.port.out.engagement.FollowUpRepository;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerNotFoundException;
import dev.rapport.customer.domain.engagement.FollowUp;
import dev.rapport.customer.domain.engagement.FollowUpCalendar;
import dev.rapport.customer.domain.engagement.FollowUpCriteria;

@ApplicationScoped
public class ListFollowUpsService implements ListFollowUpsUseCase {

    private final CustomerRepository customers;
    private final FollowUpRepository followUps;
    private final FollowUpCalendar calendar;
    private final Clock clock;

    ListFollowUpsService(CustomerRepository customers, FollowUpRepository followUps, FollowUpCalendar calendar,
                         Clock clock) {
        this.customers = customers;
        this.followUps = followUps;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public Page<FollowUp> list(FollowUpQuery query, PageRequest page) {
        CustomerId customerId = query.customerId() == null ? null : new CustomerId(query.customerId());
        FollowUpCriteria criteria = FollowUpCriteria.parse(customerId, query.due(), query.owner(), query.status(),
                Clocks.now(clock), calendar);
        if (customerId != null && !customers.exists(customerId)) {
            throw new CustomerNotFoundException(customerId.toString());
        }
        return followUps.search(criteria, page);
    }
}
