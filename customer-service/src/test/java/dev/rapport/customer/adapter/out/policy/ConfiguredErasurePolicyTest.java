package dev.rapport.customer.adapter.out.policy;

import dev.rapport.customer.config.ErasureConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.domain.privacy.ErasureProgress;

class ConfiguredErasurePolicyTest {

    private static List<String> services(int count) {
        return IntStream.range(0, count).mapToObj(i -> "service-" + i).toList();
    }

    @Test
    void acceptsUpToTheDocumentedNumberOfRequiredServices() {
        ErasureConfig config = () -> services(ErasureProgress.MAX_REQUIRED_SERVICES);

        assertThat(new ConfiguredErasurePolicy(config).requiredServices())
                .hasSize(ErasureProgress.MAX_REQUIRED_SERVICES);
    }

    @Test
    void moreRequiredServicesFailTheStart() {
        ErasureConfig config = () -> services(ErasureProgress.MAX_REQUIRED_SERVICES + 1);

        assertThatThrownBy(() -> new ConfiguredErasurePolicy(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at most " + ErasureProgress.MAX_REQUIRED_SERVICES);
    }
}
