package dev.rapport.customer.adapter.in.rest;

import java.net.URI;

import jakarta.ws.rs.core.UriInfo;

import dev.rapport.customer.domain.customer.CustomerMergedException;

/**
 * Where a request about a tombstone should go: the same URL with the merged id replaced by the
 * survivor's, so {@code GET /customers/{old}} leads to the survivor and {@code POST
 * /customers/{old}/purchases} (308 keeps method and body) records the purchase on the survivor.
 */
final class MergeRedirects {

    private MergeRedirects() {
    }

    static URI target(UriInfo request, CustomerMergedException merged) {
        String tombstone = merged.customerId().toString();
        String survivor = merged.survivorId().toString();
        String path = request.getRequestUri().getRawPath();
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equalsIgnoreCase(tombstone)) {
                segments[i] = survivor;
            }
        }
        String redirected = String.join("/", segments);
        if (redirected.equals(path)) {
            // The id was not in the path (e.g. it came in a body): send the client to the survivor itself.
            redirected = "/customers/" + survivor;
        }
        return request.getRequestUriBuilder().replacePath(redirected).build();
    }
}
