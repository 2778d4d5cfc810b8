package dev.rapport.messaging.outbox;

/** One unpublished outbox row as the relay sends it. */
record PendingEvent(long id, String topic, String key, String payload) {
}
