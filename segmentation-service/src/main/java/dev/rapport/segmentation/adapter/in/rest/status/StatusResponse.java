package dev.rapport.segmentation.adapter.in.rest.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.segmentation.application.port.in.status.ServiceStatus;

@Schema(name = "SegmentationStatus")
public record StatusResponse(
        @Schema(maxItems = 10) List<Topic> topics,
        @Schema(description = "asOf of the current run", format = "date", maxLength = 10) LocalDate asOf,
        @Schema(description = "n of the current run", minimum = "0", maximum = "2147483647") long customers,
        @Schema(description = "Every topic's lag is 0") boolean caughtUp) {

    @Schema(name = "SegmentationTopicStatus")
    public record Topic(
            @Schema(maxLength = 100, example = "rapport.customer.events") String topic,
            @Schema(minimum = "0", maximum = "9223372036854775807") long eventsProcessed,
            @Schema(description = "Messages not yet processed; null if the broker did not answer", minimum = "0",
                    maximum = "9223372036854775807", nullable = true) Long lag,
            @Schema(description = "Time of the newest event processed", format = "date-time", maxLength = 40,
                    nullable = true) Instant lastEventTime) {
    }

    public static StatusResponse of(ServiceStatus s) {
        List<Topic> topics = s.topics().stream()
                .map(t -> new Topic(t.topic(), t.eventsProcessed(), t.lag(), t.lastEventTime())).toList();
        boolean caughtUp = topics.stream().allMatch(t -> t.lag() != null && t.lag() == 0);
        return new StatusResponse(topics, s.asOf(), s.customers(), caughtUp);
    }
}
