package dev.rapport.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;

class HexagonRulesTest {

    private static final String GOOD = "dev.rapport.testing.fixtures.good";
    private static final String BAD = "dev.rapport.testing.fixtures.bad";

    private static HexagonRules rules(String root) {
        return HexagonRules.of(root, new ClassFileImporter().importPackages(root));
    }

    @Test
    void aServiceInShapePassesEveryRule() {
        assertThatCode(() -> rules(GOOD).checkAll()).doesNotThrowAnyException();
    }

    @Test
    void aDomainThatKnowsAnAdapterFails() {
        assertThatThrownBy(() -> rules(BAD).domainIsPlainJava())
                .isInstanceOf(AssertionError.class).hasMessageContaining("PointsEntity");
    }

    @Test
    void applicationCodeUsingJdbcFails() {
        assertThatThrownBy(() -> rules(BAD).applicationUsesNoAdapterConfigOrInfrastructure())
                .isInstanceOf(AssertionError.class).hasMessageContaining("java.sql.Connection");
    }

    @Test
    void anOutboundPortUsingAnInboundPortTypeFails() {
        assertThatThrownBy(() -> rules(BAD).portsInAndOutAreIndependent())
                .isInstanceOf(AssertionError.class).hasMessageContaining("Paging");
    }

    @Test
    void anEmptyPackageIsAMistakeNotAPass() {
        assertThatThrownBy(() -> HexagonRules.of("dev.rapport.testing.fixtures.none"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
