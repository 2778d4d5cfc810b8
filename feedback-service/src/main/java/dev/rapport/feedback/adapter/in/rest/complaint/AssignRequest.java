package dev.rapport.feedback.adapter.in.rest.complaint;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "AssignComplaintRequest")
public record AssignRequest(@Schema(required = true, format = "uuid", examples = "018f2d3c-0000-7e55-8a21-5c6d7e8f9a03") UUID agentId) {
}
