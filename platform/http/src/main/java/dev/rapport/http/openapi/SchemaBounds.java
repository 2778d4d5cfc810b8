package dev.rapport.http.openapi;

import java.math.BigDecimal;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * For a service's own build-time OpenAPI filter: the bounds annotations cannot state, such as the
 * length of each item of a {@code List<String>} or of each value of a {@code Map<String, String>}.
 * Every bound must be the one the service enforces or produces.
 */
public final class SchemaBounds {

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private SchemaBounds() {
    }

    /** A string of at most {@code maxLength} characters. */
    public static Schema string(int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength);
    }

    /** The items of array property {@code property} of component {@code schema}. */
    public static void items(Map<String, Schema> schemas, String schema, String property, Schema items) {
        Schema array = property(schemas, schema, property);
        if (array != null) {
            array.items(items);
        }
    }

    /** The values of map property {@code property} of component {@code schema}. */
    public static void values(Map<String, Schema> schemas, String schema, String property, Schema values) {
        Schema map = property(schemas, schema, property);
        if (map != null) {
            map.additionalPropertiesSchema(values);
        }
    }

    /** Integer properties that count things: from 0 up to what their format holds. */
    public static void counts(Map<String, Schema> schemas, String schema, String... properties) {
        for (String name : properties) {
            Schema count = property(schemas, schema, name);
            if (count != null) {
                count.minimum(BigDecimal.ZERO).maximum("int32".equals(count.getFormat())
                        ? BigDecimal.valueOf(Integer.MAX_VALUE) : LONG_MAX);
            }
        }
    }

    public static Schema property(Map<String, Schema> schemas, String schema, String property) {
        Schema owner = schemas == null ? null : schemas.get(schema);
        return owner == null || owner.getProperties() == null ? null : owner.getProperties().get(property);
    }
}
