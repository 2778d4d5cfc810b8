package dev.rapport.customer.domain.importing;

/** queued -> running -> completed | failed. A running job found at start-up is resumed. */
public enum ImportState {
    QUEUED("queued"),
    RUNNING("running"),
    COMPLETED("completed"),
    FAILED("failed");

    private final String wireName;

    ImportState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED;
    }

    public static ImportState fromWireName(String value) {
        for (ImportState state : values()) {
            if (state.wireName.equals(value)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown import state " + value);
    }
}
