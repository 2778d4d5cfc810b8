package dev.rapport.segmentation.adapter.out.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.rapport.segmentation.config.ConsumedTopics;

import dev.rapport.segmentation.application.port.out.status.ConsumerLag;

/**
 * Lag = the topic's last committed offset (read-committed end) minus the consumer group's committed offset,
 * summed over partitions. A topic that does not exist yet has lag 0; a broker that does not answer within
 * 2 s gives an unknown lag.
 */
@ApplicationScoped
public class KafkaConsumerLag implements ConsumerLag {

    private static final Logger LOG = Logger.getLogger(KafkaConsumerLag.class);

    private final String bootstrap;
    private Admin admin;

    public KafkaConsumerLag(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.bootstrap = bootstrap;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
            admin = Admin.create(props);
        }
        return admin;
    }

    @Override
    public Map<String, OptionalLong> lagByTopic() {
        Map<String, OptionalLong> lag = new HashMap<>();
        try {
            Admin client = admin();
            Set<String> existing = client.listTopics().names().get(2, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = client
                    .listConsumerGroupOffsets(ConsumedTopics.CONSUMER_GROUP).partitionsToOffsetAndMetadata()
                    .get(2, TimeUnit.SECONDS);
            List<String> topics = ConsumedTopics.TOPICS.stream().filter(existing::contains).toList();
            Map<String, TopicDescription> descriptions = client.describeTopics(topics).allTopicNames()
                    .get(2, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = descriptions.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = request.isEmpty() ? Map.of()
                    : client.listOffsets(request, new org.apache.kafka.clients.admin.ListOffsetsOptions(
                            IsolationLevel.READ_COMMITTED)).all().get(2, TimeUnit.SECONDS);
            for (String topic : ConsumedTopics.TOPICS) {
                lag.put(topic, OptionalLong.of(0));
            }
            ends.forEach((tp, end) -> {
                OffsetAndMetadata done = committed.get(tp);
                long behind = Math.max(0, end.offset() - (done == null ? 0 : done.offset()));
                lag.merge(tp.topic(), OptionalLong.of(behind),
                        (a, b) -> OptionalLong.of(a.getAsLong() + b.getAsLong()));
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ConsumedTopics.TOPICS.forEach(t -> lag.put(t, OptionalLong.empty()));
        } catch (Exception e) {
            LOG.debugf("consumer lag unknown: %s", e.toString());
            ConsumedTopics.TOPICS.forEach(t -> lag.put(t, OptionalLong.empty()));
        }
        return lag;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
