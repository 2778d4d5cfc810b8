package dev.rapport.feedback.application.service.customer;

import dev.rapport.feedback.application.port.in.customer.EraseCustomerDataCommand;
import dev.rapport.feedback.application.port.in.customer.EraseCustomerDataUseCase;
import dev.rapport.feedback.application.port.in.customer.MergeCustomersCommand;
import dev.rapport.feedback.application.port.in.customer.MergeCustomersUseCase;
import dev.rapport.feedback.application.port.out.complaint.ComplaintRepository;
import dev.rapport.feedback.application.port.out.consent.ConsentRepository;
import dev.rapport.feedback.application.port.out.customer.CustomerClassRepository;
import dev.rapport.feedback.application.port.out.customer.PrivacyEventPublisher;
import dev.rapport.feedback.application.port.out.feedback.FeedbackRepository;
import dev.rapport.feedback.application.port.out.survey.SurveyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

@ApplicationScoped
public class CustomerDataService implements EraseCustomerDataUseCase, MergeCustomersUseCase {

    private final FeedbackRepository feedback;
    private final ComplaintRepository complaints;
    private final SurveyRepository surveys;
    private final ConsentRepository consents;
    private final CustomerClassRepository customerClasses;
    private final PrivacyEventPublisher events;
    private final Clock clock;

    public CustomerDataService(FeedbackRepository feedback, ComplaintRepository complaints, SurveyRepository surveys,
                               ConsentRepository consents, CustomerClassRepository customerClasses,
                               PrivacyEventPublisher events, Clock clock) {
        this.customerClasses = customerClasses;
        this.feedback = feedback;
        this.complaints = complaints;
        this.surveys = surveys;
        this.consents = consents;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void erase(EraseCustomerDataCommand c) {
        if (c.customerId() == null || c.erasureId() == null) {
            throw new IllegalArgumentException("customer-erased without customerId or erasureId");
        }
        Instant now = clock.instant();
        feedback.eraseTexts(c.customerId(), now);
        complaints.eraseTexts(c.customerId(), now);
        surveys.eraseComments(c.customerId());
        consents.erase(c.customerId());
        customerClasses.erase(c.customerId());
        events.erasureConfirmed(c.customerId(), c.erasureId(), now);
    }

    @Override
    @Transactional
    public void merge(MergeCustomersCommand c) {
        if (c.survivorId() == null || c.duplicateId() == null || c.survivorId().equals(c.duplicateId())) {
            throw new IllegalArgumentException("customers-merged needs two different ids");
        }
        feedback.reassign(c.duplicateId(), c.survivorId());
        complaints.reassign(c.duplicateId(), c.survivorId());
        surveys.reassign(c.duplicateId(), c.survivorId());
        consents.reassign(c.duplicateId(), c.survivorId());
        customerClasses.reassign(c.duplicateId(), c.survivorId());
    }
}
