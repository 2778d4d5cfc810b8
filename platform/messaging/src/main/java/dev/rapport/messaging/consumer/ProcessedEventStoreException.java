package dev.rapport.messaging.consumer;

import java.sql.SQLException;

/**
 * The processed-event id could not be recorded, so the handler did not run. This is the database
 * failing, not the event: consumption pauses and retries instead of dead-lettering.
 */
class ProcessedEventStoreException extends RuntimeException {

    ProcessedEventStoreException(SQLException cause) {
        super("cannot record the processed event id: " + cause.getMessage(), cause);
    }
}
