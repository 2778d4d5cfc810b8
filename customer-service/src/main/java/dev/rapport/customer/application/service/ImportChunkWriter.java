package dev.rapport.customer.application.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.customer.application.port.out.CustomerEventPublisher;
import dev.rapport.customer.application.port.out.CustomerRepository;
import dev.rapport.customer.application.port.out.ImportJobRepository;
import dev.rapport.customer.application.port.out.PhoneNumberNormaliser;
import dev.rapport.customer.application.port.out.PurchaseRepository;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerProfile;
import dev.rapport.customer.domain.customer.DuplicateCustomerException;
import dev.rapport.customer.domain.customer.ExternalId;
import dev.rapport.customer.domain.importing.ImportJob;
import dev.rapport.customer.domain.importing.SkipReason;
import dev.rapport.customer.domain.importing.SkippedRow;
import dev.rapport.customer.domain.purchase.OrderId;
import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.customer.domain.purchase.PurchaseId;
import dev.rapport.customer.domain.purchase.PurchaseLine;
import dev.rapport.customer.domain.purchase.PurchaseReturn;
import dev.rapport.customer.domain.purchase.ReturnId;
import dev.rapport.customer.domain.purchase.ReturnKey;
import dev.rapport.customer.domain.purchase.ReturnNotPossibleException;
import dev.rapport.customer.domain.purchase.Sku;
import dev.rapport.customer.domain.shared.DomainException;
import dev.rapport.customer.domain.shared.InvalidInputException;

/**
 * Applies one chunk of an import in ONE transaction: customers, purchases and returns through the
 * same domain rules and events as the single-write use cases, plus the job's counters and
 * checkpoint. Either all of it commits or none of it. Reads and writes are batched (one lookup of
 * all external ids and order ids of the chunk, batched inserts); a row the domain refuses is skipped
 * with its reason instead of failing the chunk.
 */
@ApplicationScoped
class ImportChunkWriter {

    private final CustomerRepository customers;
    private final PurchaseRepository purchases;
    private final ImportJobRepository jobs;
    private final CustomerUniqueness uniqueness;
    private final CustomerEventPublisher events;
    private final PhoneNumberNormaliser phoneNumbers;
    private final Clock clock;

    ImportChunkWriter(CustomerRepository customers, PurchaseRepository purchases, ImportJobRepository jobs,
                      CustomerUniqueness uniqueness, CustomerEventPublisher events, PhoneNumberNormaliser phoneNumbers,
                      Clock clock) {
        this.customers = customers;
        this.purchases = purchases;
        this.jobs = jobs;
        this.uniqueness = uniqueness;
        this.events = events;
        this.phoneNumbers = phoneNumbers;
        this.clock = clock;
    }

    /** A chunk: rows in file order, how many records were read, and where the next chunk starts. */
    record Chunk(List<ImportRows.Item> items, long rowsRead, long nextOffset, long nextLine) {
    }

    @Transactional
    void apply(ImportJob job, Chunk chunk) {
        new Run(job, chunk).apply();
    }

    @Transactional
    void save(ImportJob job) {
        jobs.save(job);
    }

    @Transactional
    Optional<ImportJob> find(dev.rapport.customer.domain.importing.ImportJobId id) {
        return jobs.findById(id);
    }

    /** State of one application of a chunk; thrown away with the transaction if it rolls back. */
    private final class Run {

        private final ImportJob job;
        private final Chunk chunk;
        private final Instant now = Clocks.now(clock);
        private final Map<String, CustomerId> customerOf = new HashMap<>();
        private final Map<String, SkippedRow> rejectedCustomer = new HashMap<>();
        private final Map<Long, SkippedRow> skipped = new HashMap<>();
        private long customersCreated;
        private long customersUpdated;
        private long purchasesCreated;
        private long purchasesUnchanged;
        private long returnsRecorded;
        private long returnsUnchanged;

        Run(ImportJob job, Chunk chunk) {
            this.job = job;
            this.chunk = chunk;
        }

        void apply() {
            List<ImportRows.Row> rows = new ArrayList<>();
            for (ImportRows.Item item : chunk.items()) {
                switch (item) {
                    case ImportRows.Skip skip -> skip(skip.skipped());
                    case ImportRows.Row row -> rows.add(row);
                }
            }
            resolveCustomers(rows);
            List<List<ImportRows.Row>> orders = new ArrayList<>();
            List<List<ImportRows.Row>> cancellations = new ArrayList<>();
            groupOrders(rows, orders, cancellations);
            recordPurchases(orders);
            cancellations.forEach(this::recordReturns);

            List<SkippedRow> skips = new ArrayList<>(skipped.values());
            skips.sort(Comparator.comparingLong(SkippedRow::line));
            job.applyChunk(new ImportJob.Counters(chunk.rowsRead(), customersCreated, customersUpdated,
                    purchasesCreated, purchasesUnchanged, returnsRecorded, returnsUnchanged),
                    skips, chunk.nextOffset(), chunk.nextLine());
            jobs.save(job);
        }

        private void skip(SkippedRow row) {
            skipped.putIfAbsent(row.line(), row);
        }

        private void skip(ImportRows.Row row, String reason, String detail) {
            skip(new SkippedRow(row.line(), reason, detail));
        }

        /** Registers new customers (batched), updates existing ones a generic mapping gives fields for. */
        private void resolveCustomers(List<ImportRows.Row> rows) {
            LinkedHashMap<String, ImportRows.Row> firstRowOf = new LinkedHashMap<>();
            rows.forEach(r -> firstRowOf.putIfAbsent(r.externalId(), r));
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);

            Map<String, CustomerProfile> profiles = new LinkedHashMap<>();
            firstRowOf.forEach((externalId, row) -> {
                try {
                    profiles.put(externalId, profileOf(row, CustomerProfile.builder(today)).build());
                } catch (InvalidInputException invalid) {
                    rejectedCustomer.put(externalId, new SkippedRow(row.line(), SkipReason.INVALID_CUSTOMER,
                            invalid.getMessage()));
                }
            });
            Map<ExternalId, CustomerId> existing = customers.findIdsByExternalIds(
                    profiles.values().stream().map(CustomerProfile::externalId).toList());

            List<Customer> created = new ArrayList<>();
            Set<Object> claimedInChunk = new HashSet<>();
            profiles.forEach((externalId, profile) -> {
                ImportRows.Row row = firstRowOf.get(externalId);
                CustomerId id = existing.get(profile.externalId());
                try {
                    if (id != null) {
                        updateIfGiven(id, row, today);
                    } else {
                        claim(profile, claimedInChunk);
                        if (profile.email() != null || profile.phone() != null) {
                            uniqueness.check(profile, null);
                        }
                        Customer customer = Customer.register(CustomerId.newId(), profile, null, now);
                        created.add(customer);
                        id = customer.id();
                    }
                    customerOf.put(externalId, id);
                } catch (DuplicateCustomerException duplicate) {
                    rejectedCustomer.put(externalId, new SkippedRow(row.line(), SkipReason.DUPLICATE_CUSTOMER,
                            duplicate.getMessage()));
                } catch (InvalidInputException invalid) {
                    rejectedCustomer.put(externalId, new SkippedRow(row.line(), SkipReason.INVALID_CUSTOMER,
                            invalid.getMessage()));
                }
            });
            customers.addAll(created);
            created.forEach(c -> events.publishAll(c.pullEvents()));
            customersCreated += created.size();

            for (ImportRows.Row row : rows) {
                SkippedRow rejected = rejectedCustomer.get(row.externalId());
                if (rejected != null) {
                    skip(row, rejected.reason(), rejected.detail());
                } else if (row.purchaseSkip() != null) {
                    skip(row.purchaseSkip());
                }
            }
        }

        /** Two new customers of one chunk with the same e-mail or phone: the database would refuse both. */
        private void claim(CustomerProfile profile, Set<Object> claimed) {
            if (profile.email() != null && !claimed.add(profile.email())) {
                throw new DuplicateCustomerException("email", null);
            }
            if (profile.phone() != null && !claimed.add(profile.phone())) {
                throw new DuplicateCustomerException("phone", null);
            }
        }

        private CustomerProfile.Builder profileOf(ImportRows.Row row, CustomerProfile.Builder builder) {
            builder.externalId(row.externalId()).acquisitionChannel("import");
            if (!row.attributes().isEmpty()) {
                builder.attributes(row.attributes());
            }
            row.customerFields().forEach((field, value) -> {
                if (value != null) { // an empty cell never erases what is stored
                    applyField(builder, field, value);
                }
            });
            return builder;
        }

        /** Same rules as PATCH: only given, non-empty fields change; nothing changed = no version, no event. */
        private void updateIfGiven(CustomerId id, ImportRows.Row row, LocalDate today) {
            if (row.customerFields().values().stream().allMatch(v -> v == null)) {
                return;
            }
            Customer customer = customers.findByIdForUpdate(id).orElseThrow();
            CustomerProfile.Builder builder = customer.profile().toBuilder(today);
            builder.externalId(row.externalId());
            row.customerFields().forEach((field, value) -> {
                if (value != null) {
                    applyField(builder, field, value);
                }
            });
            CustomerProfile updated = builder.build();
            uniqueness.check(updated, id);
            if (!customer.update(updated, now).isEmpty()) {
                customers.update(customer);
                events.publishAll(customer.pullEvents());
                customersUpdated++;
            }
        }

        private void applyField(CustomerProfile.Builder builder, String field, String value) {
            switch (field) {
                case "firstName" -> builder.firstName(value);
                case "lastName" -> builder.lastName(value);
                case "email" -> builder.email(value);
                case "phone" -> builder.phone(value, phoneNumbers::normalise);
                case "company" -> builder.company(value);
                case "jobTitle" -> builder.jobTitle(value);
                case "tags" -> builder.tags(List.of(value.split(";")));
                case "birthday" -> {
                    try {
                        builder.birthday(LocalDate.parse(value));
                    } catch (java.time.format.DateTimeParseException e) {
                        builder.reject("birthday", "must be an ISO date like 1990-12-31");
                    }
                }
                default -> builder.reject(field, "is not a customer field");
            }
        }

        /** Consecutive rows of one order id form one order; the runner keeps orders within one chunk. */
        private void groupOrders(List<ImportRows.Row> rows, List<List<ImportRows.Row>> orders,
                                 List<List<ImportRows.Row>> cancellations) {
            List<ImportRows.Row> current = null;
            String currentKey = null;
            for (ImportRows.Row row : rows) {
                if (row.purchase() == null || skipped.containsKey(row.line())) {
                    continue;
                }
                String key = row.purchase().orderId();
                if (!key.equals(currentKey)) {
                    current = new ArrayList<>();
                    (row.purchase().isReturn() ? cancellations : orders).add(current);
                    currentKey = key;
                }
                current.add(row);
            }
        }

        private void recordPurchases(List<List<ImportRows.Row>> orders) {
            Map<OrderId, Candidate> candidates = new LinkedHashMap<>();
            for (List<ImportRows.Row> order : orders) {
                Candidate candidate = candidateOf(order);
                if (candidate != null) {
                    candidates.put(candidate.purchase.orderId(), candidate);
                }
            }
            Map<OrderId, Purchase> stored = purchases.findByOrderIds(candidates.keySet());
            List<Purchase> fresh = new ArrayList<>();
            candidates.forEach((orderId, candidate) -> {
                Purchase existing = stored.get(orderId);
                if (existing == null) {
                    fresh.add(candidate.purchase);
                } else if (existing.customerId().equals(candidate.purchase.customerId())
                        && existing.hasSameContentAs(candidate.purchase)) {
                    purchasesUnchanged++; // a re-run: no write, no event
                } else {
                    candidate.rows.forEach(r -> skip(r, SkipReason.ORDER_ID_CONFLICT, "order " + orderId
                            + " is already recorded with other lines or for another customer"));
                }
            });
            purchases.addAll(fresh);
            fresh.forEach(p -> events.publishAll(p.pullEvents()));
            purchasesCreated += fresh.size();
        }

        private record Candidate(Purchase purchase, List<ImportRows.Row> rows) {
        }

        /** Validates each line alone first, so one bad line skips that row, not the whole order. */
        private Candidate candidateOf(List<ImportRows.Row> order) {
            ImportRows.Row first = order.getFirst();
            CustomerId customerId = customerOf.get(first.externalId());
            ImportRows.Line head = first.purchase();
            List<PurchaseLine.LineInput> inputs = new ArrayList<>();
            List<ImportRows.Row> used = new ArrayList<>();
            for (ImportRows.Row row : order) {
                ImportRows.Line l = row.purchase();
                if (!row.externalId().equals(first.externalId())) {
                    skip(row, SkipReason.INVALID_VALUE, "order " + l.orderId() + " has rows of customers "
                            + first.externalId() + " and " + row.externalId());
                    continue;
                }
                PurchaseLine.LineInput input = new PurchaseLine.LineInput(l.sku(), l.description(), l.quantity(),
                        l.unitPrice());
                try {
                    PurchaseLine.parse(1, input, new dev.rapport.customer.domain.purchase.CurrencyCode(head.currency()));
                } catch (DomainException invalid) {
                    skip(row, SkipReason.INVALID_VALUE, invalid.getMessage());
                    continue;
                }
                inputs.add(input);
                used.add(row);
            }
            if (inputs.isEmpty() || customerId == null) {
                return null;
            }
            try {
                Purchase purchase = Purchase.record(PurchaseId.newId(), customerId, head.orderId(), head.currency(),
                        head.occurredAt(), inputs, now);
                return new Candidate(purchase, used);
            } catch (DomainException invalid) {
                used.forEach(r -> skip(r, SkipReason.INVALID_VALUE, invalid.getMessage()));
                return null;
            }
        }

        /**
         * A cancellation invoice returns goods: per SKU, against the customer's most recent purchase
         * at or before the cancellation that still has enough of that SKU. Key = invoice:SKU, so a
         * re-run finds the return already recorded.
         */
        private void recordReturns(List<ImportRows.Row> cancellation) {
            LinkedHashMap<String, List<ImportRows.Row>> bySku = new LinkedHashMap<>();
            for (ImportRows.Row row : cancellation) {
                bySku.computeIfAbsent(row.purchase().sku(), k -> new ArrayList<>()).add(row);
            }
            bySku.forEach((rawSku, rows) -> recordReturn(rawSku, rows));
        }

        private void recordReturn(String rawSku, List<ImportRows.Row> rows) {
            ImportRows.Row first = rows.getFirst();
            ImportRows.Line head = first.purchase();
            CustomerId customerId = customerOf.get(first.externalId());
            if (customerId == null) {
                return;
            }
            int quantity = rows.stream().mapToInt(r -> r.purchase().quantity()).sum();
            Sku sku;
            ReturnKey key;
            try {
                sku = new Sku(rawSku);
                key = new ReturnKey(head.orderId() + ":" + rawSku.strip().replaceAll("[^A-Za-z0-9._:-]", "_"));
            } catch (DomainException invalid) {
                rows.forEach(r -> skip(r, SkipReason.INVALID_VALUE, invalid.getMessage()));
                return;
            }
            if (purchases.hasReturnWithKey(customerId, key)) {
                returnsUnchanged++;
                return;
            }
            Optional<OrderId> target = purchases.findReturnTarget(customerId, sku, quantity, head.occurredAt());
            if (target.isEmpty()) {
                rows.forEach(r -> skip(r, SkipReason.NO_RETURNABLE_PURCHASE, "no purchase of customer "
                        + first.externalId() + " at or before " + head.occurredAt() + " has " + quantity
                        + " unit(s) of " + sku + " left to return"));
                return;
            }
            Purchase purchase = purchases.findByOrderIdForUpdate(target.get()).orElseThrow();
            try {
                PurchaseReturn recorded = purchase.registerReturn(ReturnId.newId(), key,
                        List.of(new Purchase.ReturnLineInput(sku.value(), quantity)),
                        "cancelled by invoice " + head.orderId(), head.occurredAt(), now);
                purchases.addReturn(purchase, recorded);
                events.publishAll(purchase.pullEvents());
                returnsRecorded++;
            } catch (ReturnNotPossibleException | InvalidInputException notPossible) {
                rows.forEach(r -> skip(r, SkipReason.RETURN_NOT_POSSIBLE, notPossible.getMessage()));
            }
        }
    }
}
