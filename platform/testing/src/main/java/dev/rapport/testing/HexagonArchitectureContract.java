package dev.rapport.testing;

import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's rules as one test per rule, inherited by every service's {@code ArchitectureTest}:
 *
 * <pre>{@code
 * class ArchitectureTest extends HexagonArchitectureContract {
 *     protected String rootPackage() { return "dev.rapport.loyalty"; }
 * }
 * }</pre>
 */
public abstract class HexagonArchitectureContract {

    private HexagonRules rules;

    /** The service's root package, e.g. {@code dev.rapport.loyalty}. */
    protected abstract String rootPackage();

    private HexagonRules rules() {
        if (rules == null) {
            rules = HexagonRules.of(rootPackage());
        }
        return rules;
    }

    @Test
    void domainIsPlainJavaAndKernel() {
        rules().domainIsPlainJava();
    }

    @Test
    void applicationUsesNoAdapterConfigOrInfrastructure() {
        rules().applicationUsesNoAdapterConfigOrInfrastructure();
    }

    @Test
    void portsInAndOutAreIndependent() {
        rules().portsInAndOutAreIndependent();
    }

    @Test
    void adaptersInAndOutAreIndependent() {
        rules().adaptersInAndOutAreIndependent();
    }

    @Test
    void adaptersReachTheCoreThroughPorts() {
        rules().adaptersReachTheCoreThroughPorts();
    }

    @Test
    void entitiesAndResourcesLiveInTheirAdapters() {
        rules().entitiesAndResourcesLiveInTheirAdapters();
    }
}
