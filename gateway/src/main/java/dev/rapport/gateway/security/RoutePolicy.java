package dev.rapport.gateway.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of who may call what under /api. Frontend users need one of a rule's roles
 * ({@value #ADMIN} may do everything); partners need one of its scopes. The first matching rule
 * decides; a request no rule matches is open to {@value #ADMIN} only (deny by default).
 *
 * <p>Patterns: {@code *} is one path segment, a trailing {@code **} is any number of segments
 * (including none). GET rules also cover HEAD and OPTIONS.
 */
public final class RoutePolicy {

    public static final String ADMIN = "crm-admin";
    public static final String AGENT = "crm-agent";
    public static final String ANALYST = "crm-analyst";

    public enum Method { GET, POST, PUT, PATCH, DELETE }

    private static final Set<Method> READ = EnumSet.of(Method.GET);
    private static final Set<Method> WRITE = EnumSet.of(Method.POST, Method.PUT, Method.PATCH, Method.DELETE);
    private static final Set<Method> POST = EnumSet.of(Method.POST);

    /** What one rule asks for; the gateway publishes it per operation in the merged OpenAPI. */
    public record Access(Set<String> roles, Set<String> scopes) {
        public Access {
            roles = orderedCopy(roles);
            scopes = orderedCopy(scopes);
        }

        /** The roles that pass, admin included. */
        public Set<String> rolesWithAdmin() {
            Set<String> all = new LinkedHashSet<>();
            all.add(ADMIN);
            all.addAll(roles);
            return all;
        }
    }

    public record Rule(Set<Method> methods, String pattern, Access access, List<String> patternSegments) {
        public Rule {
            methods = Set.copyOf(methods);
            if (!pattern.startsWith("/api/")) {
                throw new IllegalArgumentException("rules cover /api paths only: " + pattern);
            }
            patternSegments = List.of(PathPattern.segments(pattern));
        }

        Rule(Set<Method> methods, String pattern, Access access) {
            this(methods, pattern, access, List.of());
        }

        boolean matches(Method method, String[] pathSegments) {
            return methods.contains(method) && PathPattern.matches(patternSegments, pathSegments);
        }
    }

    static final Access ADMIN_ONLY = new Access(Set.of(), Set.of());

    public static final List<Rule> RULES = List.of(
            // Customers (customer-service). Agents read; changes are admin work or a partner's with scopes.
            rule(READ, "/api/customers/*/overview", roles(AGENT), scopes("customers:read")),
            // Privacy: a full export or an erasure is a data-protection officer's act (admin), or a
            // partner's holding the dedicated scope; customers:read/write alone are not enough.
            rule(READ, "/api/customers/*/export", roles(), scopes("privacy:export")),
            rule(READ, "/api/customers/*/erasure", roles(), scopes("privacy:erase")),
            rule(EnumSet.of(Method.DELETE), "/api/customers/*", roles(), scopes("privacy:erase")),
            // Regular contact: agents log interactions, record consent they captured and work
            // follow-ups; partners (e.g. a contact-centre system) with customers:write too.
            rule(WRITE, "/api/customers/*/interactions/**", roles(AGENT), scopes("customers:write")),
            rule(EnumSet.of(Method.PUT), "/api/customers/*/consents/*/*", roles(AGENT), scopes("customers:write")),
            rule(WRITE, "/api/customers/*/follow-ups/**", roles(AGENT), scopes("customers:write")),
            rule(READ, "/api/follow-ups/**", roles(AGENT), scopes("customers:read")),
            rule(WRITE, "/api/follow-ups/**", roles(AGENT), scopes("customers:write")),
            rule(POST, "/api/customers/*/purchases/**", roles(), scopes("purchases:write")),
            rule(READ, "/api/customers/**", roles(AGENT), scopes("customers:read")),
            rule(WRITE, "/api/customers/**", roles(), scopes("customers:write")),
            // Bulk import creates customers and purchases at once: admin, or a partner key with the
            // import scope (a migration tool), never a plain customers:write key.
            rule(READ, "/api/imports/**", roles(), scopes("imports:write", "imports:read")),
            rule(POST, "/api/imports/**", roles(), scopes("imports:write")),
            // Complaints and feedback (feedback-service): agents work them, analysts read feedback KPIs.
            rule(READ, "/api/complaints/**", roles(AGENT), scopes("feedback:read")),
            rule(WRITE, "/api/complaints/**", roles(AGENT), scopes("feedback:write")),
            rule(READ, "/api/feedback/**", roles(AGENT, ANALYST), scopes("feedback:read")),
            rule(WRITE, "/api/feedback/**", roles(AGENT), scopes("feedback:write")),
            rule(READ, "/api/surveys/**", roles(AGENT, ANALYST), scopes("feedback:read")),
            rule(WRITE, "/api/surveys/**", roles(), scopes("feedback:write")),
            // Loyalty (loyalty-service): agents adjust points; other changes are admin or partner work.
            rule(READ, "/api/loyalty/**", roles(AGENT, ANALYST), scopes("loyalty:read")),
            rule(POST, "/api/loyalty/accounts/*/adjustments", roles(AGENT), scopes("loyalty:write")),
            rule(WRITE, "/api/loyalty/**", roles(), scopes("loyalty:write")),
            // Segments and KPIs (segmentation-service): read-only for analysts and agents.
            rule(READ, "/api/segments/**", roles(AGENT, ANALYST), scopes("segments:read")),
            rule(WRITE, "/api/segments/**", roles(), scopes("segments:write")));

    private RoutePolicy() {
    }

    /** The access a request needs; {@link #ADMIN_ONLY} when no rule covers it. */
    public static Access requiredAccess(String method, String path) {
        Optional<Method> parsed = parse(method);
        if (parsed.isEmpty()) {
            return ADMIN_ONLY;
        }
        String[] segments = PathPattern.segments(path);
        for (Rule rule : RULES) {
            if (rule.matches(parsed.get(), segments)) {
                return rule.access();
            }
        }
        return ADMIN_ONLY;
    }

    public static boolean permits(Caller caller, String method, String path) {
        Access access = requiredAccess(method, path);
        if (caller.kind() == Caller.Kind.USER) {
            return caller.roles().contains(ADMIN) || containsAny(caller.roles(), access.roles());
        }
        return containsAny(caller.scopes(), access.scopes());
    }

    private static boolean containsAny(Set<String> held, Set<String> accepted) {
        for (String value : accepted) {
            if (held.contains(value)) {
                return true;
            }
        }
        return false;
    }

    /** A sentence for 403 responses: what would have been needed. */
    public static String describeRequirement(Caller caller, String method, String path) {
        Access access = requiredAccess(method, path);
        if (caller.kind() == Caller.Kind.USER) {
            return "requires one of the roles " + access.rolesWithAdmin();
        }
        return access.scopes().isEmpty()
                ? "is not open to API keys"
                : "requires one of the scopes " + access.scopes();
    }

    private static Optional<Method> parse(String method) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> Optional.of(Method.GET);
            case "POST" -> Optional.of(Method.POST);
            case "PUT" -> Optional.of(Method.PUT);
            case "PATCH" -> Optional.of(Method.PATCH);
            case "DELETE" -> Optional.of(Method.DELETE);
            default -> Optional.empty();
        };
    }

    private static Rule rule(Set<Method> methods, String pattern, Set<String> roles, Set<String> scopes) {
        return new Rule(methods, pattern, new Access(roles, scopes));
    }

    private static Set<String> roles(String... roles) {
        return orderedCopy(Arrays.asList(roles));
    }

    private static Set<String> scopes(String... scopes) {
        return orderedCopy(Arrays.asList(scopes));
    }

    private static Set<String> orderedCopy(java.util.Collection<String> values) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    /** Segment-wise matching of the patterns above. */
    static final class PathPattern {
        private PathPattern() {
        }

        static String[] segments(String path) {
            List<String> result = new ArrayList<>();
            for (String segment : path.split("/")) {
                if (!segment.isEmpty()) {
                    result.add(segment);
                }
            }
            return result.toArray(String[]::new);
        }

        static boolean matches(List<String> parts, String[] path) {
            int count = parts.size();
            for (int i = 0; i < count; i++) {
                String part = parts.get(i);
                if (part.equals("**") && i == count - 1) {
                    return path.length >= i;
                }
                if (i >= path.length) {
                    return false;
                }
                if (!part.equals("*") && !part.equals(path[i])) {
                    return false;
                }
            }
            return path.length == count;
        }
    }
}
