package dev.rapport.segmentation.application.service.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.segmentation.application.port.in.status.GetStatusUseCase;
import dev.rapport.segmentation.application.port.in.status.RecordEventConsumedUseCase;
import dev.rapport.segmentation.application.port.in.status.ServiceStatus;
import dev.rapport.segmentation.application.port.out.score.ScoreRepository;
import dev.rapport.segmentation.application.port.out.status.ConsumerLag;
import dev.rapport.segmentation.application.port.out.status.ConsumptionProgressRepository;
import dev.rapport.segmentation.domain.score.ScoringRun;

@ApplicationScoped
public class StatusService implements GetStatusUseCase, RecordEventConsumedUseCase {

    private final ConsumptionProgressRepository progress;
    private final ConsumerLag lag;
    private final ScoreRepository scores;

    public StatusService(ConsumptionProgressRepository progress, ConsumerLag lag, ScoreRepository scores) {
        this.progress = progress;
        this.lag = lag;
        this.scores = scores;
    }

    @Override
    @Transactional
    public void consumed(String topic, long events, Instant lastEventTime) {
        progress.processed(topic, events, lastEventTime);
    }

    @Override
    public ServiceStatus status() {
        Map<String, OptionalLong> lags = lag.lagByTopic();
        Map<String, ServiceStatus.Topic> topics = new TreeMap<>();
        for (String topic : lags.keySet()) {
            OptionalLong l = lags.get(topic);
            topics.put(topic, new ServiceStatus.Topic(topic, 0, l.isPresent() ? l.getAsLong() : null, null));
        }
        for (ConsumptionProgressRepository.TopicProgress p : progress.all()) {
            OptionalLong l = lags.getOrDefault(p.topic(), OptionalLong.empty());
            topics.put(p.topic(), new ServiceStatus.Topic(p.topic(), p.eventsProcessed(),
                    l.isPresent() ? l.getAsLong() : null, p.lastEventTime()));
        }
        ScoringRun run = scores.currentRun();
        return new ServiceStatus(new ArrayList<>(topics.values()), run.asOf(), run.customers());
    }
}
