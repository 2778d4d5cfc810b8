package dev.rapport.kernel.change;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Merge-patch of a string map: entries to put, keys to remove; keys not named stay as they are. */
public record MapPatch(Map<String, String> put, Set<String> remove) {

    public MapPatch {
        put = Map.copyOf(put);
        remove = Set.copyOf(remove);
    }

    public Map<String, String> applyTo(Map<String, String> current) {
        Map<String, String> result = new TreeMap<>(current);
        remove.forEach(result::remove);
        result.putAll(new LinkedHashMap<>(put));
        return result;
    }
}
