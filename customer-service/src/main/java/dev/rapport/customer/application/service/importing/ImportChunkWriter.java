package dev.rapport.customer.application.service.importing;

import dev.rapport.customer.application.service.Clocks;
import dev.rapport.customer.application.service.customer.CustomerUniqueness;

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
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.application.port.out.importing.ImportJobRepository;
import dev.rapport.customer.application.port.out.customer.PhoneNumberNormaliser;
import dev.rapport.customer.application.port.out.importing.ImportChunkStore;
import dev.rapport.customer.application.port.out.importing.ImportChunkStore.AddedReturn;
import dev.rapport.customer.application.port.out.importing.ImportChunkStore.CustomerReturnKey;
import dev.rapport.customer.application.port.out.importing.ImportChunkStore.OpenChunk;
import dev.rapport.customer.application.port.out.importing.ImportChunkStore.ReturnSearch;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerProfile;
import dev.rapport.customer.domain.customer.DuplicateCustomerException;
import dev.rapport.customer.domain.customer.ExternalId;
import dev.rapport.customer.domain.event.CustomerDomainEvent;
import dev.rapport.customer.domain.importing.ImportJob;
import dev.rapport.customer.domain.importing.SkipReason;
import dev.rapport.customer.domain.importing.SkippedRow;
import dev.rapport.customer.domain.purchase.InvalidLine;
import dev.rapport.customer.domain.purchase.InvalidPurchaseException;
import dev.rapport.customer.domain.purchase.OrderId;
import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.customer.domain.purchase.PurchaseId;
import dev.rapport.customer.domain.purchase.PurchaseLine;
import dev.rapport.customer.domain.purchase.PurchaseReturn;
import dev.rapport.customer.domain.purchase.ReturnId;
import dev.rapport.customer.domain.purchase.ReturnKey;
import dev.rapport.customer.domain.purchase.ReturnNotPossibleException;
import dev.rapport.customer.domain.purchase.ReturnablePurchase;
import dev.rapport.customer.domain.purchase.Sku;
import dev.rapport.kernel.DomainException;
import dev.rapport.kernel.FieldViolation;
import dev.rapport.kernel.InvalidInputException;

/**
 * What one chunk of an import means: which rows become which customers, purchases and returns,
 * through the same domain rules and events as the single-write use cases, plus the job's counters
 * and checkpoint, all written through {@link ImportChunkStore} in one transaction. Lookups are per
 * chunk (external ids, order ids, return keys, return candidates); returns are matched to purchases
 * in memory by the domain's rule ({@link ReturnablePurchase#target}). A row the domain refuses is
 * skipped with its reason instead of failing the chunk.
 */
@ApplicationScoped
class ImportChunkWriter {

    private final CustomerRepository customers;
    private final ImportChunkStore store;
    private final ImportJobRepository jobs;
    private final CustomerUniqueness uniqueness;
    private final PhoneNumberNormaliser phoneNumbers;
    private final Clock clock;

    ImportChunkWriter(CustomerRepository customers, ImportChunkStore store, ImportJobRepository jobs,
                      CustomerUniqueness uniqueness, PhoneNumberNormaliser phoneNumbers, Clock clock) {
        this.customers = customers;
        this.store = store;
        this.jobs = jobs;
        this.uniqueness = uniqueness;
        this.phoneNumbers = phoneNumbers;
        this.clock = clock;
    }

    /** A chunk: rows in file order, how many records were read, and where the next chunk starts. */
    record Chunk(List<ImportRows.Item> items, long rowsRead, long nextOffset, long nextLine) {
    }

    void apply(ImportJob job, Chunk chunk) {
        store.write(open -> new Run(job, chunk, open).apply());
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
        private final OpenChunk store;
        private final Instant now = Clocks.now(clock);
        private final Map<String, CustomerId> customerOf = new HashMap<>();
        private final Map<String, SkippedRow> rejectedCustomer = new HashMap<>();
        private final Map<Long, SkippedRow> skipped = new HashMap<>();
        /** Events in the order the single writes would have raised them, not yet handed to the store. */
        private final List<CustomerDomainEvent> raised = new ArrayList<>();
        private long customersCreated;
        private long customersUpdated;
        private long purchasesCreated;
        private long purchasesUnchanged;
        private long returnsRecorded;
        private long returnsUnchanged;

        Run(ImportJob job, Chunk chunk, OpenChunk store) {
            this.job = job;
            this.chunk = chunk;
            this.store = store;
        }

        void apply() {
            List<ImportRows.Row> rows = new ArrayList<>();
            for (ImportRows.Item item : chunk.items()) {
                switch (item) {
                    case ImportRows.Skip skip -> skip(skip.skipped());
                    case ImportRows.Row row -> rows.add(row);
                }
            }
            List<List<ImportRows.Row>> orders = new ArrayList<>();
            List<List<ImportRows.Row>> cancellations = new ArrayList<>();
            Map<OrderId, Candidate> candidates = new LinkedHashMap<>();
            resolveCustomers(rows);
            groupOrders(rows, orders, cancellations);
            candidatesOf(orders, candidates);
            recordPurchases(candidates);
            recordReturns(cancellations);
            store.publish(raised);

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

        /** Registers new customers, updates existing ones a generic mapping gives fields for. */
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
            created.forEach(c -> raised.addAll(c.pullEvents()));
            customersCreated += created.size();

            for (ImportRows.Row row : rows) {
                SkippedRow rejected = rejectedCustomer.get(row.externalId());
                if (rejected != null) {
                    skip(row, rejected.reason(), rejected.detail());
                } else if (row.purchaseSkip() != null) {
                    skip(row.purchaseSkip());
                }
            }
            store.addCustomers(created);
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
                raised.addAll(customer.pullEvents());
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

        /** The orders as new purchases, by order id; rows the domain refuses are skipped. No database. */
        private void candidatesOf(List<List<ImportRows.Row>> orders, Map<OrderId, Candidate> candidates) {
            for (List<ImportRows.Row> order : orders) {
                Candidate candidate = candidateOf(order);
                if (candidate != null) {
                    candidates.put(candidate.purchase.orderId(), candidate);
                }
            }
        }

        private void recordPurchases(Map<OrderId, Candidate> candidates) {
            Map<OrderId, Purchase> stored = store.purchasesByOrderId(candidates.keySet());
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
            fresh.forEach(p -> raised.addAll(p.pullEvents()));
            store.publish(raised);
            raised.clear();
            store.addPurchases(fresh);
            purchasesCreated += fresh.size();
        }

        private record Candidate(Purchase purchase, List<ImportRows.Row> rows) {
        }

        /**
         * One bad line skips its own row, not the whole order: the domain lists the invalid lines,
         * those rows are dropped and the rest recorded in a second try. Each
         * line is validated once, by {@link Purchase#record}, instead of alone first and again in the
         * purchase (invalid lines are rare, valid ones are hundreds of thousands).
         */
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
                inputs.add(new PurchaseLine.LineInput(l.sku(), l.description(), l.quantity(), l.unitPrice()));
                used.add(row);
            }
            while (customerId != null && !inputs.isEmpty()) {
                try {
                    Purchase purchase = Purchase.record(PurchaseId.newId(), customerId, head.orderId(), head.currency(),
                            head.occurredAt(), inputs, now);
                    return new Candidate(purchase, used);
                } catch (InvalidPurchaseException invalid) {
                    dropInvalidLines(invalid, inputs, used);
                } catch (DomainException invalid) {
                    used.forEach(r -> skip(r, SkipReason.INVALID_VALUE, invalid.getMessage()));
                    return null;
                }
            }
            return null;
        }

        /**
         * Skips the rows of the invalid lines, each with its own fields (relative, as "quantity must
         * be greater than 0"); when the purchase itself is invalid (currency, date, too many lines,
         * total) every remaining row is skipped with that reason.
         */
        private void dropInvalidLines(InvalidPurchaseException invalid, List<PurchaseLine.LineInput> inputs,
                                      List<ImportRows.Row> used) {
            TreeMap<Integer, List<FieldViolation>> byLine = new TreeMap<>();
            for (InvalidLine line : invalid.invalidLines()) {
                byLine.computeIfAbsent(line.index(), k -> new ArrayList<>())
                        .add(new FieldViolation(line.field(), line.message()));
            }
            for (Integer index : byLine.descendingKeySet()) {
                skip(used.remove((int) index), SkipReason.INVALID_VALUE,
                        new InvalidInputException(byLine.get(index)).getMessage());
                inputs.remove((int) index);
            }
            if (!invalid.ofPurchase().isEmpty()) {
                String reason = new InvalidInputException(invalid.ofPurchase()).getMessage();
                used.forEach(r -> skip(r, SkipReason.INVALID_VALUE, reason));
                used.clear();
                inputs.clear();
            }
        }

        /**
         * A cancellation invoice returns goods: per SKU, against the customer's most recent purchase
         * at or before the cancellation that still has enough of that SKU. Key = invoice:SKU, so a
         * re-run finds the return already recorded. All return keys and all candidate purchases of
         * the chunk (stored ones, this chunk's included) are read at once, holding only the lines
         * of the chunk's returned SKUs (all that matching needs); the matching runs in memory in
         * file order, each return reducing what is left for the next.
         */
        private void recordReturns(List<List<ImportRows.Row>> cancellations) {
            List<ReturnRequest> requests = new ArrayList<>();
            for (List<ImportRows.Row> cancellation : cancellations) {
                LinkedHashMap<String, List<ImportRows.Row>> bySku = new LinkedHashMap<>();
                for (ImportRows.Row row : cancellation) {
                    bySku.computeIfAbsent(row.purchase().sku(), k -> new ArrayList<>()).add(row);
                }
                bySku.forEach((rawSku, rows) -> {
                    ReturnRequest request = requestOf(rawSku, rows);
                    if (request != null) {
                        requests.add(request);
                    }
                });
            }
            if (requests.isEmpty()) {
                return;
            }
            Set<CustomerReturnKey> recordedKeys = new HashSet<>(store.recordedReturnKeys(
                    requests.stream().map(ReturnRequest::customerKey).toList()));
            record CustomerSku(CustomerId customerId, Sku sku) {
            }
            Map<CustomerSku, Instant> latest = new LinkedHashMap<>();
            for (ReturnRequest request : requests) {
                if (!recordedKeys.contains(request.customerKey())) {
                    latest.merge(new CustomerSku(request.customerId(), request.sku()), request.occurredAt(),
                            (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            List<ReturnSearch> searches = new ArrayList<>();
            latest.forEach((wanted, notAfter) -> searches.add(new ReturnSearch(wanted.customerId(), wanted.sku(), notAfter)));
            Map<CustomerId, List<ReturnablePurchase>> candidates = new HashMap<>();
            for (ReturnablePurchase purchase : store.lockReturnCandidates(searches)) {
                candidates.computeIfAbsent(purchase.customerId(), k -> new ArrayList<>()).add(purchase);
            }

            List<AddedReturn> added = new ArrayList<>();
            for (ReturnRequest request : requests) {
                if (!recordedKeys.add(request.customerKey())) {
                    returnsUnchanged++;
                    continue;
                }
                Optional<ReturnablePurchase> target = ReturnablePurchase.target(
                        candidates.getOrDefault(request.customerId(), List.of()), request.sku(), request.quantity(),
                        request.occurredAt());
                if (target.isEmpty()) {
                    recordedKeys.remove(request.customerKey());
                    request.rows().forEach(r -> skip(r, SkipReason.NO_RETURNABLE_PURCHASE, "no purchase of customer "
                            + request.externalId() + " at or before " + request.occurredAt() + " has " + request.quantity()
                            + " unit(s) of " + request.sku() + " left to return"));
                    continue;
                }
                ReturnablePurchase purchase = target.get();
                try {
                    PurchaseReturn recorded = purchase.registerReturn(ReturnId.newId(), request.customerKey().key(),
                            request.sku(), request.quantity(), "cancelled by invoice " + request.orderId(),
                            request.occurredAt(), now);
                    added.add(new AddedReturn(purchase.id(), recorded));
                    raised.addAll(purchase.pullEvents());
                    returnsRecorded++;
                } catch (ReturnNotPossibleException | InvalidInputException notPossible) {
                    recordedKeys.remove(request.customerKey());
                    request.rows().forEach(r -> skip(r, SkipReason.RETURN_NOT_POSSIBLE, notPossible.getMessage()));
                }
            }
            store.addReturns(added);
        }

        /** The return one SKU of a cancellation asks for; null when its rows are skipped or its customer was refused. */
        private ReturnRequest requestOf(String rawSku, List<ImportRows.Row> rows) {
            ImportRows.Row first = rows.getFirst();
            ImportRows.Line head = first.purchase();
            CustomerId customerId = customerOf.get(first.externalId());
            if (customerId == null) {
                return null;
            }
            int quantity = rows.stream().mapToInt(r -> r.purchase().quantity()).sum();
            try {
                Sku sku = new Sku(rawSku);
                ReturnKey key = new ReturnKey(head.orderId() + ":" + rawSku.strip().replaceAll("[^A-Za-z0-9._:-]", "_"));
                return new ReturnRequest(rows, first.externalId(), head.orderId(), new CustomerReturnKey(customerId, key),
                        sku, quantity, head.occurredAt());
            } catch (DomainException invalid) {
                rows.forEach(r -> skip(r, SkipReason.INVALID_VALUE, invalid.getMessage()));
                return null;
            }
        }
    }

    private record ReturnRequest(List<ImportRows.Row> rows, String externalId, String orderId,
                                 CustomerReturnKey customerKey, Sku sku, int quantity, Instant occurredAt) {
        CustomerId customerId() {
            return customerKey.customerId();
        }
    }
}
