package dev.rapport.customer.adapter.in.rest.engagement;

import dev.rapport.customer.adapter.in.rest.Paging;

import dev.rapport.http.Cursors;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.in.engagement.FollowUpQuery;
import dev.rapport.customer.application.port.in.engagement.ListFollowUpsUseCase;
import dev.rapport.kernel.paging.Page;
import dev.rapport.customer.domain.engagement.FollowUp;
import dev.rapport.customer.domain.engagement.FollowUpNotFoundException;

/** What the two follow-up resources share: the list call, the response mapping and id parsing. */
@ApplicationScoped
class FollowUpLists {

    /** Cursor kind of follow-up lists (ascending by due time), so another list's cursor is refused. */
    static final String CURSOR_KIND = "f1";

    private final ListFollowUpsUseCase list;
    private final Paging paging;
    private final Clock clock;

    FollowUpLists(ListFollowUpsUseCase list, Paging paging, Clock clock) {
        this.list = list;
        this.paging = paging;
        this.clock = clock;
    }

    FollowUpPageResponse page(UUID customerId, String due, String owner, String status, String limit, String cursor) {
        Page<FollowUp> page = list.list(new FollowUpQuery(customerId, due, owner, status),
                paging.request(limit, cursor, CURSOR_KIND));
        return new FollowUpPageResponse(page.items().stream().map(this::response).toList(),
                Cursors.encode(CURSOR_KIND, page.next()));
    }

    FollowUpResponse response(FollowUp followUp) {
        return FollowUpResponse.of(followUp, clock.instant());
    }

    /** A malformed id names no follow-up: 404, as for any unknown id. */
    static UUID followUpId(String raw) {
        try {
            UUID id = UUID.fromString(raw);
            if (id.toString().equalsIgnoreCase(raw)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new FollowUpNotFoundException(raw);
    }
}
