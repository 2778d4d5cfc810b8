package dev.rapport.gateway.routing;

/** The services behind the gateway; {@link #id()} is the key under {@code rapport.gateway.upstreams}. */
public enum Upstream {
    CUSTOMER("customer", "customer-service"),
    FEEDBACK("feedback", "feedback-service"),
    LOYALTY("loyalty", "loyalty-service"),
    SEGMENTATION("segmentation", "segmentation-service");

    private final String id;
    private final String serviceName;

    Upstream(String id, String serviceName) {
        this.id = id;
        this.serviceName = serviceName;
    }

    public String id() {
        return id;
    }

    public String serviceName() {
        return serviceName;
    }
}
