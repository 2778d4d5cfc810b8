package dev.rapport.segmentation.config;

import java.util.List;

import dev.rapport.events.Topics;

/** What segmentation-service consumes, under which consumer group. */
public final class ConsumedTopics {

    public static final String CONSUMER_GROUP = "segmentation-service";
    public static final List<String> TOPICS = List.of(Topics.CUSTOMER_EVENTS, Topics.FEEDBACK_EVENTS,
            Topics.LOYALTY_EVENTS);

    private ConsumedTopics() {
    }
}
