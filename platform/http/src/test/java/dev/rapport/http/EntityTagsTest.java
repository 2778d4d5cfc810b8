package dev.rapport.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void tagsAreTheQuotedVersion() {
        assertThat(EntityTags.of(7)).isEqualTo("\"7\"");
    }

    @Test
    void ifMatchComparesStrongly() {
        assertThat(EntityTags.expectedVersion(null).matches(3)).isTrue();
        assertThat(EntityTags.expectedVersion("*").matches(3)).isTrue();
        assertThat(EntityTags.expectedVersion("\"3\"").matches(3)).isTrue();
        assertThat(EntityTags.expectedVersion("\"2\", \"3\"").matches(3)).isTrue();
        assertThat(EntityTags.expectedVersion("3").matches(3)).as("forgiving missing quotes").isTrue();
        assertThat(EntityTags.expectedVersion("\"2\"").matches(3)).isFalse();
        assertThat(EntityTags.expectedVersion("W/\"3\"").matches(3)).as("weak tags never match If-Match").isFalse();
        assertThat(EntityTags.expectedVersion("\"abc\"").matches(3)).isFalse();
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        assertThat(EntityTags.noneMatchHits("W/\"3\"", 3)).isTrue();
        assertThat(EntityTags.noneMatchHits("\"3\"", 3)).isTrue();
        assertThat(EntityTags.noneMatchHits("\"2\"", 3)).isFalse();
        assertThat(EntityTags.noneMatchHits(null, 3)).isFalse();
    }
}
