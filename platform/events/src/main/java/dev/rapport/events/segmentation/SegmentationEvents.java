package dev.rapport.events.segmentation;

/** Facts about the events segmentation-service publishes on {@link dev.rapport.events.Topics#SEGMENTATION_EVENTS}. */
public final class SegmentationEvents {

    public static final String SOURCE = "/rapport/segmentation-service";

    private SegmentationEvents() {
    }
}
