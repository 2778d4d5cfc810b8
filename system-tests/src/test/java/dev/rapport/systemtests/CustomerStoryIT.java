package dev.rapport.systemtests;

import dev.rapport.client.ApiClient;
import dev.rapport.client.api.ComplaintsApi;
import dev.rapport.client.api.ConsentsApi;
import dev.rapport.client.api.CustomerIdentityApi;
import dev.rapport.client.api.CustomerOverviewApi;
import dev.rapport.client.api.CustomersApi;
import dev.rapport.client.api.FollowUpsApi;
import dev.rapport.client.api.ImportsApi;
import dev.rapport.client.api.InteractionsApi;
import dev.rapport.client.api.KpisApi;
import dev.rapport.client.api.LoyaltyAccountsApi;
import dev.rapport.client.api.PrivacyApi;
import dev.rapport.client.api.PurchasesApi;
import dev.rapport.client.api.RecomputeApi;
import dev.rapport.client.api.SegmentsApi;
import dev.rapport.client.api.SurveysApi;
import dev.rapport.client.model.AnswerSurveyRequest;
import dev.rapport.client.model.ChangeComplaintStatusRequest;
import dev.rapport.client.model.Complaint;
import dev.rapport.client.model.CreateCustomerRequest;
import dev.rapport.client.model.CreateFollowUpRequest;
import dev.rapport.client.model.CreateSurveyRequest;
import dev.rapport.client.model.Customer;
import dev.rapport.client.model.CustomerExport;
import dev.rapport.client.model.CustomerOverview;
import dev.rapport.client.model.CustomerSegments;
import dev.rapport.client.model.Erasure;
import dev.rapport.client.model.FollowUp;
import dev.rapport.client.model.ImportJob;
import dev.rapport.client.model.Interaction;
import dev.rapport.client.model.KpiReport;
import dev.rapport.client.model.LogInteractionRequest;
import dev.rapport.client.model.LoyaltyAccount;
import dev.rapport.client.model.MergeCustomersRequest;
import dev.rapport.client.model.OpenComplaintRequest;
import dev.rapport.client.model.OverviewPart;
import dev.rapport.client.model.Purchase;
import dev.rapport.client.model.PurchaseLineRequest;
import dev.rapport.client.model.PurchaseLineRequestUnitPrice;
import dev.rapport.client.model.RecomputeJob;
import dev.rapport.client.model.RecomputeRequest;
import dev.rapport.client.model.RecordConsentRequest;
import dev.rapport.client.model.RecordPurchaseRequest;
import dev.rapport.client.model.RecordReturnRequest;
import dev.rapport.client.model.RecordedReturn;
import dev.rapport.client.model.RedemptionRequest;
import dev.rapport.client.model.Referral;
import dev.rapport.client.model.ReturnLineRequest;
import dev.rapport.client.model.Survey;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static dev.rapport.systemtests.Clients.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's life through the gateway with the generated client: every answer's raw JSON is
 * checked against the merged document before the client sees it (CheckingHttpClient).
 */
@Order(1)
class CustomerStoryIT {

    private final Live live = Live.get();
    private final ApiClient admin = Clients.as(live, live.adminToken);
    private final ApiClient agent = Clients.as(live, live.tokens.forRoles("crm-agent"));
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    @Test
    void a_customer_from_registration_to_erasure() {
        CustomersApi customers = new CustomersApi(admin);
        PurchasesApi purchases = new PurchasesApi(admin);
        LoyaltyAccountsApi loyalty = new LoyaltyAccountsApi(admin);
        CustomerIdentityApi identity = new CustomerIdentityApi(admin);

        // An advocate whose loyalty account's referral code the new customer brings along.
        Customer advocate = call(() -> customers.create(person("advocate", "Ada", "Lovelace")));
        String code = Await.until("the advocate's loyalty account with a referral code",
                () -> call(() -> loyalty.getAccount(advocate.getId())), a -> a.getReferralCode() != null).getReferralCode();

        Customer grace = call(() -> customers.create(person("grace", "Grace", "Hopper").referralCode(code)
                .birthday(LocalDate.of(1906, 12, 9)).tags(List.of("vip"))));
        assertThat(grace.getId()).isNotNull();
        assertThat(grace.getEmail()).isEqualTo("grace." + run + "@example.org");

        // Purchases and a return.
        Purchase first = call(() -> purchases.recordPurchase(grace.getId(), new RecordPurchaseRequest()
                .orderId("SO-" + run + "-1").currency("GBP")
                .lines(List.of(line("MUG-1", 2, "12.50"), line("TEA-7", 1, "30.00")))));
        assertThat(first.getTotal()).isEqualTo("55.00");
        call(() -> purchases.recordPurchase(grace.getId(), new RecordPurchaseRequest()
                .orderId("SO-" + run + "-2").currency("GBP").lines(List.of(line("KETTLE", 1, "1200.00")))));
        RecordedReturn returned = call(() -> purchases.recordReturn(grace.getId(), "SO-" + run + "-1",
                new RecordReturnRequest().returnKey("R-" + run).reason("chipped").lines(List.of(new ReturnLineRequest().sku("MUG-1").quantity(1)))));
        assertThat(returned.getPurchase().getReturnedAmount()).isEqualTo("12.50");

        // Consent, an interaction and its follow-up (by an agent, as the route table allows).
        call(() -> new ConsentsApi(agent).recordConsent("email", grace.getId(), "marketing",
                new RecordConsentRequest().status(RecordConsentRequest.StatusEnum.GRANTED).source("web-form")));
        assertThat(call(() -> new ConsentsApi(agent).listConsents(grace.getId(), false)).getItems()).hasSize(1);
        Interaction call = call(() -> new InteractionsApi(agent).logInteraction(grace.getId(), new LogInteractionRequest()
                .channel(LogInteractionRequest.ChannelEnum.PHONE).direction(LogInteractionRequest.DirectionEnum.INBOUND)
                .summary("Asked about the kettle's warranty").agent("sam"), "call-" + run));
        FollowUp followUp = call(() -> new FollowUpsApi(agent).createFollowUp(grace.getId(), new CreateFollowUpRequest()
                .title("Send warranty terms").owner("sam").dueAt(OffsetDateTime.now().plusDays(2))
                .interactionId(call.getId())));
        assertThat(call(() -> new FollowUpsApi(agent).completeFollowUp(followUp.getId())).getStatus())
                .isEqualTo(FollowUp.StatusEnum.DONE);

        // A small CSV import through the gateway.
        String csv = "cust_no,mail,first\n" + "IMP-" + run + "-1,imp1." + run + "@example.org,Ida\n"
                + "IMP-" + run + "-2,imp2." + run + "@example.org,Ivo\n";
        ImportsApi imports = new ImportsApi(admin);
        ImportJob job = call(() -> imports.startImport("csv", csv, "{\"externalId\":\"cust_no\",\"email\":\"mail\",\"firstName\":\"first\"}",
                null, null, null));
        ImportJob done = Await.until("the import to complete", () -> call(() -> imports.getImport(job.getId(), false)),
                j -> j.getState() == ImportJob.StateEnum.COMPLETED || j.getState() == ImportJob.StateEnum.FAILED);
        assertThat(done.getState()).isEqualTo(ImportJob.StateEnum.COMPLETED);
        assertThat(done.getCustomersCreated()).isEqualTo(2);
        assertThat(call(() -> customers.callList(null, null, "imp1." + run + "@example.org", null, null, null, null, null))
                .getItems()).hasSize(1);

        // Loyalty: the first purchase completed the referral; points earned, tier progress, a redemption.
        LoyaltyAccount account = Await.until("grace's points for two purchases and the referral bonus",
                () -> call(() -> loyalty.getAccount(grace.getId())),
                a -> a.getBalances().getLifetimeEarned() > 250 && a.getBalances().getAvailable() >= 250);
        assertThat(account.getProgress().getQualifyingPoints()).isPositive();
        assertThat(account.getTier()).isNotBlank();
        List<Referral> referrals = call(() -> loyalty.listReferrals(advocate.getId(), null, null)).getItems();
        assertThat(referrals).anySatisfy(r -> {
            assertThat(r.getRefereeId()).isEqualTo(grace.getId());
            assertThat(r.getStatus()).isEqualTo(Referral.StatusEnum.COMPLETED);
        });
        assertThat(Await.until("the advocate's referral bonus", () -> call(() -> loyalty.getAccount(advocate.getId())),
                a -> a.getBalances().getAvailable() >= 500).getBalances().getAvailable()).isEqualTo(500);
        long before = account.getBalances().getAvailable();
        call(() -> loyalty.redeemPoints(grace.getId(), "redeem-" + run, new RedemptionRequest().points(100L).reason("voucher")));
        assertThat(call(() -> loyalty.getAccount(grace.getId())).getBalances().getAvailable()).isEqualTo(before - 100);

        // Feedback: a survey answer and a complaint from opening to resolution; the KPIs move.
        KpisApi kpis = new KpisApi(admin);
        KpiReport kpisBefore = call(() -> kpis.kpiResourceKpis(null, null, null));
        SurveysApi surveys = new SurveysApi(admin);
        Survey survey = call(() -> surveys.surveyResourceCreate(new CreateSurveyRequest()
                .type(CreateSurveyRequest.TypeEnum.NPS).question("Would you recommend us?").channel(CreateSurveyRequest.ChannelEnum.EMAIL)));
        call(() -> surveys.surveyResourceAnswer(survey.getId(), new AnswerSurveyRequest()
                .customerId(grace.getId()).score(3).comment("The kettle leaks")));
        ComplaintsApi complaints = new ComplaintsApi(agent);
        Complaint complaint = call(() -> complaints.complaintResourceOpen(new OpenComplaintRequest()
                .customerId(grace.getId()).channel(OpenComplaintRequest.ChannelEnum.EMAIL).category("product")
                .priority(OpenComplaintRequest.PriorityEnum.HIGH).subject("Leaking kettle").description("It leaks from the base")));
        assertThat(complaint.getStatus()).isEqualTo(Complaint.StatusEnum.NEW);
        Complaint acknowledged = call(() -> complaints.complaintResourceTransition(complaint.getId(),
                new ChangeComplaintStatusRequest().status(ChangeComplaintStatusRequest.StatusEnum.ACKNOWLEDGED).note("Looking into it")));
        assertThat(acknowledged.getFirstRespondedAt()).isNotNull();
        call(() -> complaints.complaintResourceTransition(complaint.getId(),
                new ChangeComplaintStatusRequest().status(ChangeComplaintStatusRequest.StatusEnum.IN_PROGRESS)));
        Complaint resolved = call(() -> complaints.complaintResourceTransition(complaint.getId(),
                new ChangeComplaintStatusRequest().status(ChangeComplaintStatusRequest.StatusEnum.RESOLVED).note("Replaced")));
        assertThat(resolved.getResolvedAt()).isNotNull();
        KpiReport kpisAfter = call(() -> kpis.kpiResourceKpis(null, null, null));
        assertThat(kpisAfter.getOverall().getComplaintsOpened()).isGreaterThan(orZero(kpisBefore.getOverall().getComplaintsOpened()));
        assertThat(kpisAfter.getOverall().getComplaintsResolved()).isGreaterThan(orZero(kpisBefore.getOverall().getComplaintsResolved()));
        assertThat(kpisAfter.getOverall().getNpsResponses()).isGreaterThan(orZero(kpisBefore.getOverall().getNpsResponses()));

        // Segments: after a recompute grace has scores, a segment and a relationship level. A recompute
        // counts the purchases before its asOf day, so today's are in tomorrow's run.
        RecomputeApi recompute = new RecomputeApi(admin);
        RecomputeJob started = call(() -> recompute.recompute(new RecomputeRequest().asOf(LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1))));
        Await.until("the recompute to finish", Duration.ofSeconds(90), () -> call(() -> recompute.job(started.getId().toString())),
                j -> j.getStatus() == RecomputeJob.StatusEnum.SUCCEEDED || j.getStatus() == RecomputeJob.StatusEnum.FAILED);
        CustomerSegments segments = Await.until("grace's scores", () -> call(() -> new SegmentsApi(admin).customer(grace.getId().toString())),
                s -> s.getSegment() != null && s.getRelationshipLevel() != null);
        assertThat(segments.getFrequency()).isEqualTo(2);
        assertThat(segments.getR()).isBetween(1, 5);
        assertThat(segments.getLifecycleStage()).isNotEqualTo(CustomerSegments.LifecycleStageEnum.PROSPECT);
        // Bought twice, but a detractor with a complaint: not yet "satisfied", and the reasons say why.
        assertThat(segments.getRelationshipLevel().getLevel()).isEqualTo(1);
        assertThat(segments.getRelationshipLevel().getReasons()).isNotEmpty();

        // The overview gathers every part.
        CustomerOverview overview = call(() -> new CustomerOverviewApi(agent).getCustomerOverview(grace.getId()));
        assertThat(overview.getProfile().getStatus()).isEqualTo(OverviewPart.StatusEnum.AVAILABLE);
        assertThat(overview.getLoyalty().getStatus()).isEqualTo(OverviewPart.StatusEnum.AVAILABLE);
        assertThat(overview.getSegments().getStatus()).isEqualTo(OverviewPart.StatusEnum.AVAILABLE);
        assertThat(overview.getOpenComplaints().getStatus()).isEqualTo(OverviewPart.StatusEnum.AVAILABLE);

        // A duplicate registered by another channel is merged into grace.
        Customer duplicate = call(() -> customers.create(new CreateCustomerRequest().externalId("DUP-" + run)
                .firstName("Grace").lastName("Hopper").phone("+44 20 7946 " + (1000 + (int) (Math.random() * 8999)))));
        Customer merged = call(() -> identity.merge(grace.getId(), new MergeCustomersRequest().duplicateId(duplicate.getId()), null));
        assertThat(merged.getPhone()).isEqualTo(duplicate.getPhone());
        assertThat(Clients.status(() -> customers.getById(duplicate.getId(), null))).isEqualTo(308);

        // Export, then erasure confirmed by every service.
        PrivacyApi privacy = new PrivacyApi(admin);
        CustomerExport export = call(() -> privacy.export(grace.getId()));
        assertThat(export.getPurchases()).hasSize(2);
        call(() -> privacy.erase(grace.getId(), "customer asked"));
        Erasure erasure = Await.until("every service to confirm the erasure", Duration.ofSeconds(90),
                () -> call(() -> privacy.erasure(grace.getId())), e -> Boolean.TRUE.equals(e.getComplete()));
        assertThat(erasure.getPending()).isEmpty();
        assertThat(erasure.getConfirmed()).extracting(c -> c.getService()).containsAll(erasure.getRequiredServices());
        assertThat(Clients.status(() -> customers.getById(grace.getId(), null))).isEqualTo(410);
    }

    private CreateCustomerRequest person(String key, String first, String last) {
        return new CreateCustomerRequest().externalId(key.toUpperCase() + "-" + run).firstName(first).lastName(last)
                .email(key + "." + run + "@example.org").acquisitionChannel(CreateCustomerRequest.AcquisitionChannelEnum.WEB_FORM);
    }

    private static PurchaseLineRequest line(String sku, int quantity, String price) {
        return new PurchaseLineRequest().sku(sku).quantity(quantity).unitPrice(new PurchaseLineRequestUnitPrice(new BigDecimal(price)));
    }

    // Absent when nothing was counted yet.
    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
