package dev.rapport.customer;

import dev.rapport.testing.HexagonArchitectureContract;

/** DESIGN.md's rules (platform/testing), checked on customer-service's compiled main classes. */
class ArchitectureTest extends HexagonArchitectureContract {

    @Override
    protected String rootPackage() {
        return "dev.rapport.customer";
    }
}
