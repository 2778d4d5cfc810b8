package dev.rapport.feedback;

import org.junit.jupiter.api.Test;

import dev.rapport.testing.HexagonRules;

/** DESIGN.md's rules (platform/testing), checked on feedback-service's compiled main classes. */
class ArchitectureTest {

    private static final HexagonRules RULES = HexagonRules.of("dev.rapport.feedback");

    @Test
    void domainIsPlainJavaAndKernel() {
        RULES.domainIsPlainJava();
    }

    @Test
    void applicationUsesNoAdapterConfigOrInfrastructure() {
        RULES.applicationUsesNoAdapterConfigOrInfrastructure();
    }

    @Test
    void portsInAndOutAreIndependent() {
        RULES.portsInAndOutAreIndependent();
    }

    @Test
    void adaptersInAndOutAreIndependent() {
        RULES.adaptersInAndOutAreIndependent();
    }

    @Test
    void adaptersReachTheCoreThroughPorts() {
        RULES.adaptersReachTheCoreThroughPorts();
    }

    @Test
    void entitiesAndResourcesLiveInTheirAdapters() {
        RULES.entitiesAndResourcesLiveInTheirAdapters();
    }
}
