package dev.rapport.segmentation.application.port.out.status;

import java.util.Map;
import java.util.OptionalLong;

/** How far the consumers are behind the topics' ends (messages not yet processed), per topic. */
public interface ConsumerLag {

    /** Per topic; an empty value when the broker cannot be asked right now. */
    Map<String, OptionalLong> lagByTopic();
}
