package dev.rapport.customer.domain.identity;

/** Which side of a merge a customer is on. */
public enum MergeRole {
    SURVIVOR("survivor"),
    DUPLICATE("duplicate");

    private final String wireName;

    MergeRole(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
