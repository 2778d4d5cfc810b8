package dev.rapport.events;

/** One topic per producing service; the key of every message is the customer id. */
public final class Topics {

    public static final String CUSTOMER_EVENTS = "rapport.customer.events";
    public static final String FEEDBACK_EVENTS = "rapport.feedback.events";
    public static final String LOYALTY_EVENTS = "rapport.loyalty.events";
    public static final String SEGMENTATION_EVENTS = "rapport.segmentation.events";

    private static final String DLQ_SUFFIX = ".dlq";

    private Topics() {
    }

    /** Where a consumer parks a message it cannot process after retries. */
    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
