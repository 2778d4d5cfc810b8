package dev.rapport.segmentation.adapter.out.persistence.status;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.segmentation.adapter.out.persistence.Jdbc;
import dev.rapport.segmentation.application.port.out.status.ConsumptionProgressRepository;

@ApplicationScoped
public class PostgresConsumptionProgressRepository implements ConsumptionProgressRepository {

    private final Jdbc jdbc;

    public PostgresConsumptionProgressRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void processed(String topic, long events, Instant lastEventTime) {
        // sent with the transaction's next statement
        jdbc.deferUpdate("""
                INSERT INTO seg_topic_progress (topic, events_processed, last_event_time, last_processed_at)
                VALUES (?, ?, ?, now())
                ON CONFLICT (topic) DO UPDATE SET events_processed = seg_topic_progress.events_processed
                    + excluded.events_processed,
                  last_event_time = greatest(seg_topic_progress.last_event_time, excluded.last_event_time),
                  last_processed_at = now()
                """, s -> {
            s.setString(1, topic);
            s.setLong(2, events);
            s.setTimestamp(3, Jdbc.timestamp(lastEventTime));
        });
    }

    @Override
    public List<TopicProgress> all() {
        return jdbc.query("SELECT topic, events_processed, last_event_time FROM seg_topic_progress ORDER BY topic",
                s -> { }, r -> new TopicProgress(r.getString(1), r.getLong(2), Jdbc.instant(r, "last_event_time")));
    }
}
