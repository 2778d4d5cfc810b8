import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Development keys for the Rapport gateway. JDK only: run it as a source file.
 *
 * <pre>
 *   java tools/DevKeys.java init                                  # RSA key pair, once
 *   java tools/DevKeys.java token [--role crm-admin] [--subject alice] [--ttl MINUTES]
 *   java tools/DevKeys.java apikey create NAME --scopes customers:read,loyalty:read [--class partner]
 *   java tools/DevKeys.java apikey list
 *   java tools/DevKeys.java apikey revoke NAME
 * </pre>
 *
 * What the gateway reads lives in {@code .rapport/gateway/} under the working directory (or
 * {@code --dir}): {@code jwt-public.pem} (what the gateway verifies with) and {@code api-keys.json}
 * (name, SHA-256 of the key, scopes; never the key itself). The signing key {@code jwt-private.pem}
 * (PKCS#8, mode 600) lives beside that folder in {@code gateway-signing/}, so the folder can be
 * mounted into a gateway container without handing it the power to mint tokens. The
 * gateway re-reads {@code api-keys.json} within about a second, so keys work without a restart.
 */
public class DevKeys {

    static final String DEFAULT_DIR = ".rapport/gateway";
    static final String DEFAULT_ISSUER = "https://rapport.dev/local";
    static final String PRIVATE_KEY = "jwt-private.pem";
    static final String PUBLIC_KEY = "jwt-public.pem";
    static final String KEY_FILE = "api-keys.json";
    static final String IDENTITY_PRIVATE_KEY = "gateway-identity-private.pem";
    static final String IDENTITY_PUBLIC_KEY = "gateway-identity-public.pem";
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final Pattern SCOPE = Pattern.compile("[a-z][a-z0-9-]*:[a-z][a-z0-9-]*");
    static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    public static void main(String[] args) {
        try {
            System.exit(run(new Args(args)));
        } catch (UsageException e) {
            System.err.println("DevKeys: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (Exception e) {
            System.err.println("DevKeys: " + e.getMessage());
            System.exit(1);
        }
    }

    static final String USAGE = """
            usage: java tools/DevKeys.java <command> [--dir DIR]
              init                                  create the RSA key pair (once) and an empty key file
              token [--role ROLE[,ROLE]] [--subject SUB] [--ttl MINUTES] [--issuer ISS]
                                                    print a signed RS256 JWT (default crm-admin, 480 min)
              service-token [--principal P] [--role ROLE[,ROLE]] [--ttl MINUTES]
                                                    print the identity token the gateway would send a service
                                                    (EdDSA, for calling a service directly: benchmarks, operators)
              apikey create NAME --scopes a,b [--class partner|internal]
                                                    print a new API key once; only its hash is stored
              apikey list                           names, scopes and classes (never the keys)
              apikey revoke NAME                    remove a key; the gateway drops it within a second""";

    static int run(Args args) throws Exception {
        String command = args.positional(0, "a command");
        Path dir = Path.of(args.option("--dir", DEFAULT_DIR));
        switch (command) {
            case "init" -> {
                args.done(1);
                init(dir, true);
                return 0;
            }
            case "token" -> {
                String roles = args.option("--role", "crm-admin");
                String subject = args.option("--subject", null);
                long ttlMinutes = Long.parseLong(args.option("--ttl", "480"));
                String issuer = args.option("--issuer", envOr("JWT_ISSUER", DEFAULT_ISSUER));
                args.done(1);
                init(dir, false);
                System.out.println(token(dir, issuer, roles, subject, ttlMinutes));
                return 0;
            }
            case "service-token" -> {
                String principal = args.option("--principal", "jwt:dev-admin");
                String roles = args.option("--role", "crm-admin");
                long ttlMinutes = Long.parseLong(args.option("--ttl", "60"));
                args.done(1);
                init(dir, false);
                System.out.println(serviceToken(dir, principal, roles, ttlMinutes));
                return 0;
            }
            case "apikey" -> {
                String action = args.positional(1, "create, list or revoke");
                return switch (action) {
                    case "create" -> {
                        String name = args.positional(2, "a key name");
                        String scopes = args.option("--scopes", null);
                        String rateLimitClass = args.option("--class", "partner");
                        args.done(3);
                        yield createKey(dir, name, scopes, rateLimitClass);
                    }
                    case "list" -> {
                        args.done(2);
                        yield listKeys(dir);
                    }
                    case "revoke" -> {
                        String name = args.positional(2, "a key name");
                        args.done(3);
                        yield revokeKey(dir, name);
                    }
                    default -> throw new UsageException("unknown apikey action '" + action + "'");
                };
            }
            case "help", "--help", "-h" -> {
                System.out.println(USAGE);
                return 0;
            }
            default -> throw new UsageException("unknown command '" + command + "'");
        }
    }

    // ---------------------------------------------------------------- keys and tokens

    /** The signing key, outside the folder the gateway reads: {@code <dir>-signing/jwt-private.pem}. */
    static Path privateKey(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + "-signing").resolve(PRIVATE_KEY);
    }

    /**
     * The gateway's own identity pair: it signs the token each upstream request carries, services
     * verify it. Private half in {@code <dir>-identity-signing/} (the gateway's only), public half in
     * {@code <dir>-identity/} (every service's).
     */
    static Path identityPrivateKey(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + "-identity-signing").resolve(IDENTITY_PRIVATE_KEY);
    }

    static Path identityPublicKey(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + "-identity").resolve(IDENTITY_PUBLIC_KEY);
    }

    static void initIdentity(Path dir) throws Exception {
        Path privateKey = identityPrivateKey(dir);
        Path publicKey = identityPublicKey(dir);
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return;
        }
        Files.createDirectories(privateKey.getParent());
        Files.createDirectories(publicKey.getParent());
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        writeAtomically(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), "rw-------");
        writeAtomically(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), "rw-r--r--");
        System.err.println("Created the gateway's identity key pair: " + publicKey + " and " + privateKey);
    }

    static void init(Path dir, boolean verbose) throws Exception {
        Files.createDirectories(dir);
        initIdentity(dir);
        Path privateKey = privateKey(dir);
        Files.createDirectories(privateKey.getParent());
        Path publicKey = dir.resolve(PUBLIC_KEY);
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            if (verbose) {
                System.out.println("Development key pair already in " + dir);
            }
        } else {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            writeAtomically(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), "rw-------");
            writeAtomically(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), "rw-r--r--");
            System.err.println("Created a development RSA key pair: " + dir.resolve(PUBLIC_KEY) + " and " + privateKey);
        }
        Path keyFile = dir.resolve(KEY_FILE);
        if (!Files.exists(keyFile)) {
            writeKeys(keyFile, List.of());
        }
    }

    static String token(Path dir, String issuer, String roles, String subject, long ttlMinutes) throws Exception {
        List<String> groups = new ArrayList<>();
        for (String role : roles.split(",")) {
            String trimmed = role.trim();
            if (!ROLE.matcher(trimmed).matches()) {
                throw new UsageException("not a role name: '" + role + "'");
            }
            groups.add(trimmed);
        }
        if (ttlMinutes < 1) {
            throw new UsageException("--ttl must be at least 1 minute");
        }
        String sub = subject != null ? subject : "dev-" + groups.get(0).replaceFirst("^crm-", "");
        long now = Instant.now().getEpochSecond();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", "rapport-dev");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", sub);
        claims.put("upn", sub);
        claims.put("groups", groups);
        claims.put("iat", now);
        claims.put("exp", now + ttlMinutes * 60);
        claims.put("jti", UUID.randomUUID().toString());
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = base64.encodeToString(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(readPrivateKey(privateKey(dir)));
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64.encodeToString(signature.sign());
    }

    /** What the gateway signs for each upstream request (see platform/http's IdentityTokens), for direct calls. */
    static String serviceToken(Path dir, String principal, String roles, long ttlMinutes) throws Exception {
        if (ttlMinutes < 1) {
            throw new UsageException("--ttl must be at least 1 minute");
        }
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "rapport-gateway");
        claims.put("aud", "rapport-services");
        claims.put("sub", principal);
        claims.put("groups", List.of(roles.split(",")));
        claims.put("scope", "");
        claims.put("iat", now);
        claims.put("exp", now + ttlMinutes * 60);
        claims.put("jti", UUID.randomUUID().toString());
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = base64.encodeToString("{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + base64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        String text = Files.readString(identityPrivateKey(dir));
        String der = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(der))));
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64.encodeToString(signature.sign());
    }

    static PrivateKey readPrivateKey(Path path) throws Exception {
        String text = Files.readString(path);
        String base64 = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    // ---------------------------------------------------------------- API keys

    static int createKey(Path dir, String name, String scopeList, String rateLimitClass) throws Exception {
        if (!NAME.matcher(name).matches()) {
            throw new UsageException("key names are lower-case letters, digits, '.', '_' or '-' (at most 64): '" + name + "'");
        }
        if (scopeList == null || scopeList.isBlank()) {
            throw new UsageException("--scopes is required, e.g. --scopes customers:read,loyalty:read");
        }
        List<String> scopes = new ArrayList<>();
        for (String scope : scopeList.split(",")) {
            String trimmed = scope.trim();
            if (!SCOPE.matcher(trimmed).matches()) {
                throw new UsageException("not a scope (resource:action): '" + scope + "'");
            }
            if (!scopes.contains(trimmed)) {
                scopes.add(trimmed);
            }
        }
        if (!ROLE.matcher(rateLimitClass).matches()) {
            throw new UsageException("not a rate limit class: '" + rateLimitClass + "'");
        }
        Files.createDirectories(dir);
        Path keyFile = dir.resolve(KEY_FILE);
        List<Map<String, Object>> keys = readKeys(keyFile);
        for (Map<String, Object> key : keys) {
            if (name.equals(key.get("name"))) {
                throw new IllegalStateException("a key named '" + name + "' exists; revoke it first");
            }
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String apiKey = "rk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("sha256", HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8))));
        entry.put("scopes", scopes);
        entry.put("rateLimitClass", rateLimitClass);
        entry.put("createdAt", Instant.now().toString());
        List<Map<String, Object>> updated = new ArrayList<>(keys);
        updated.add(entry);
        writeKeys(keyFile, updated);
        System.err.println("API key '" + name + "' created with scopes " + scopes + " (class " + rateLimitClass
                + "). It is shown only this once; send it as the X-Api-Key header.");
        System.out.println(apiKey);
        return 0;
    }

    static int listKeys(Path dir) throws Exception {
        List<Map<String, Object>> keys = readKeys(dir.resolve(KEY_FILE));
        if (keys.isEmpty()) {
            System.out.println("No API keys in " + dir.resolve(KEY_FILE));
            return 0;
        }
        System.out.printf("%-24s %-10s %-22s %s%n", "NAME", "CLASS", "CREATED", "SCOPES");
        for (Map<String, Object> key : keys) {
            System.out.printf("%-24s %-10s %-22s %s%n", key.get("name"), key.getOrDefault("rateLimitClass", "partner"),
                    String.valueOf(key.getOrDefault("createdAt", "-")).replaceFirst("\\.\\d+Z$", "Z"),
                    String.join(",", stringList(key.get("scopes"))));
        }
        return 0;
    }

    static int revokeKey(Path dir, String name) throws Exception {
        Path keyFile = dir.resolve(KEY_FILE);
        List<Map<String, Object>> keys = readKeys(keyFile);
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> key : keys) {
            if (!name.equals(key.get("name"))) {
                kept.add(key);
            }
        }
        if (kept.size() == keys.size()) {
            System.err.println("DevKeys: no key named '" + name + "'");
            return 1;
        }
        writeKeys(keyFile, kept);
        System.err.println("API key '" + name + "' revoked.");
        return 0;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> readKeys(Path keyFile) throws IOException {
        if (!Files.exists(keyFile)) {
            return List.of();
        }
        Object root = Json.parse(Files.readString(keyFile));
        if (!(root instanceof Map<?, ?> map) || !(map.get("keys") instanceof List<?> list)) {
            throw new IOException(keyFile + " is not a key file (expected {\"keys\": [...]})");
        }
        List<Map<String, Object>> keys = new ArrayList<>();
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?>)) {
                throw new IOException(keyFile + ": every key must be an object");
            }
            keys.add((Map<String, Object>) entry);
        }
        return keys;
    }

    static void writeKeys(Path keyFile, List<Map<String, Object>> keys) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("keys", keys);
        writeAtomically(keyFile, Json.write(root) + "\n", "rw-r--r--");
    }

    /** Write to a temporary file and rename it over the target, so readers never see half a file. */
    static void writeAtomically(Path target, String content, String permissions) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(permissions));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's ACLs apply.
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static List<String> stringList(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> result.add(String.valueOf(item)));
        }
        return result;
    }

    static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    // ---------------------------------------------------------------- command line

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** Positional words plus {@code --name value} options, in any order. */
    static final class Args {
        private final List<String> positional = new ArrayList<>();
        private final Map<String, String> options = new LinkedHashMap<>();
        private final List<String> used = new ArrayList<>();

        Args(String[] args) {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("--") && arg.length() > 2 && !arg.equals("--help")) {
                    int equals = arg.indexOf('=');
                    if (equals > 0) {
                        options.put(arg.substring(0, equals), arg.substring(equals + 1));
                    } else if (i + 1 < args.length) {
                        options.put(arg, args[++i]);
                    } else {
                        throw new UsageException(arg + " needs a value");
                    }
                } else {
                    positional.add(arg);
                }
            }
        }

        String positional(int index, String what) {
            if (index >= positional.size()) {
                throw new UsageException("expected " + what);
            }
            return positional.get(index);
        }

        String option(String name, String fallback) {
            used.add(name);
            return options.getOrDefault(name, fallback);
        }

        /** Fails on leftover words or options the command does not know. */
        void done(int positionalCount) {
            if (positional.size() > positionalCount) {
                throw new UsageException("unexpected '" + positional.get(positionalCount) + "'");
            }
            for (String name : options.keySet()) {
                if (!used.contains(name)) {
                    throw new UsageException("unknown option " + name);
                }
            }
        }
    }

    // ---------------------------------------------------------------- minimal JSON

    /** Just enough JSON for the key file and JWT parts: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final String text;
        private int pos;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) throws IOException {
            Json json = new Json(text);
            Object value = json.value();
            json.skipSpace();
            if (json.pos != text.length()) {
                throw json.error("trailing characters");
            }
            return value;
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out, "");
            return out.toString();
        }

        private static void write(Object value, StringBuilder out, String indent) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String s) {
                quote(s, out);
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else if (value instanceof Map<?, ?> map) {
                if (map.isEmpty()) {
                    out.append("{}");
                    return;
                }
                String inner = indent + "  ";
                out.append("{\n");
                int i = 0;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.append(inner);
                    quote(String.valueOf(entry.getKey()), out);
                    out.append(": ");
                    write(entry.getValue(), out, inner);
                    out.append(++i < map.size() ? ",\n" : "\n");
                }
                out.append(indent).append('}');
            } else if (value instanceof List<?> list) {
                boolean simple = list.stream().allMatch(item -> !(item instanceof Map<?, ?>) && !(item instanceof List<?>));
                if (simple) {
                    out.append('[');
                    for (int i = 0; i < list.size(); i++) {
                        write(list.get(i), out, indent);
                        if (i + 1 < list.size()) {
                            out.append(", ");
                        }
                    }
                    out.append(']');
                    return;
                }
                String inner = indent + "  ";
                out.append("[\n");
                for (int i = 0; i < list.size(); i++) {
                    out.append(inner);
                    write(list.get(i), out, inner);
                    out.append(i + 1 < list.size() ? ",\n" : "\n");
                }
                out.append(indent).append(']');
            } else {
                throw new IllegalArgumentException("cannot write " + value.getClass());
            }
        }

        private static void quote(String s, StringBuilder out) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        private Object value() throws IOException {
            skipSpace();
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(pos);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    return number();
            }
        }

        private Map<String, Object> object() throws IOException {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a member name");
                }
                String key = string();
                skipSpace();
                expect(':');
                map.put(key, value());
                skipSpace();
                char c = next();
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private List<Object> array() throws IOException {
            List<Object> list = new ArrayList<>();
            pos++;
            skipSpace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                list.add(value());
                skipSpace();
                char c = next();
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    throw error("expected ',' or ']'");
                }
            }
        }

        private String string() throws IOException {
            StringBuilder out = new StringBuilder();
            pos++;
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = next();
                    switch (e) {
                        case '"', '\\', '/' -> out.append(e);
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case 't' -> out.append('\t');
                        case 'u' -> {
                            if (pos + 4 > text.length()) {
                                throw error("bad escape");
                            }
                            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                            pos += 4;
                        }
                        default -> throw error("bad escape");
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private Object number() throws IOException {
            int start = pos;
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            if (start == pos) {
                throw error("unexpected character '" + text.charAt(pos) + "'");
            }
            String number = text.substring(start, pos);
            try {
                return number.matches("-?\\d+") ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw error("bad number");
            }
        }

        private Object literal(String word, Object value) throws IOException {
            if (!text.startsWith(word, pos)) {
                throw error("unexpected token");
            }
            pos += word.length();
            return value;
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private char peek() throws IOException {
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(pos);
        }

        private char next() throws IOException {
            char c = peek();
            pos++;
            return c;
        }

        private void expect(char c) throws IOException {
            if (next() != c) {
                throw error("expected '" + c + "'");
            }
        }

        private IOException error(String message) {
            return new IOException("invalid JSON at offset " + pos + ": " + message);
        }
    }
}
