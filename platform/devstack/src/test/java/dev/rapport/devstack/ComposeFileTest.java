package dev.rapport.devstack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No Docker engine runs where the suite runs, so this test keeps docker-compose.yml honest the
 * other way: every service module is in it, built from its Dockerfile, wired through exactly the
 * environment variables its application.properties reads, on its port, with a readiness check.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");
    private static final Pattern DEFAULT_DATABASE = Pattern.compile("jdbc:postgresql://[^/]+/([a-z_]+)");
    private static final Set<String> INFRASTRUCTURE_VARIABLES = Set.of("DB_URL", "DB_USER", "DB_PASSWORD", "KAFKA_BOOTSTRAP",
            "IDENTITY_PUBLIC_KEY_LOCATION", "IDENTITY_PRIVATE_KEY_LOCATION");

    private static Map<String, Object> compose;

    @BeforeAll
    static void readComposeFile() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            compose = new Yaml(new LoaderOptions()).load(reader);
        }
    }

    /** Modules that are runnable services: a Quarkus application with a Dockerfile. */
    static Stream<String> serviceModules() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(dir -> Files.exists(dir.resolve("src/main/docker/Dockerfile.jvm")))
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void runsPostgres17AndKafka4InKraftMode() {
        Map<String, Object> postgres = service("postgres");
        assertTrue(String.valueOf(postgres.get("image")).startsWith("postgres:17"), "postgres image: " + postgres.get("image"));
        Map<String, Object> kafka = service("kafka");
        assertTrue(String.valueOf(kafka.get("image")).startsWith("apache/kafka:4"), "kafka image: " + kafka.get("image"));
        assertEquals("broker,controller", environment("kafka").get("KAFKA_PROCESS_ROLES"));
        assertNotNull(postgres.get("healthcheck"), "postgres needs a health check for depends_on conditions");
        assertNotNull(kafka.get("healthcheck"), "kafka needs a health check for depends_on conditions");
    }

    @Test
    void everyServiceModuleIsInTheComposeFile() throws IOException {
        List<String> modules = serviceModules().toList();
        assertTrue(modules.contains("customer-service"), "found service modules: " + modules);
        for (String module : modules) {
            assertNotNull(services().get(module), module + " is missing from docker-compose.yml");
        }
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    void serviceIsBuiltFromItsOwnDockerfile(String module) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> build = (Map<String, Object>) service(module).get("build");
        assertNotNull(build, module + " has no build section");
        Path context = ROOT.resolve(String.valueOf(build.get("context"))).normalize();
        assertEquals(ROOT.resolve(module), context, module + " build context");
        Path dockerfile = context.resolve(String.valueOf(build.get("dockerfile")));
        assertTrue(Files.exists(dockerfile), dockerfile + " does not exist");
        String port = String.valueOf(httpPort(module));
        assertTrue(Files.readString(dockerfile).contains("EXPOSE " + port), dockerfile + " should EXPOSE " + port);
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    void environmentMatchesWhatTheServiceReads(String module) throws IOException {
        Set<String> read = variablesReadBy(module);
        Set<String> given = new TreeSet<>(environment(module).keySet());

        Set<String> unknown = new TreeSet<>(given);
        unknown.removeAll(read);
        assertTrue(unknown.isEmpty(), module + ": compose sets variables the service never reads: " + unknown
                + " (it reads " + read + ")");

        Set<String> missingInfrastructure = new TreeSet<>(INFRASTRUCTURE_VARIABLES);
        missingInfrastructure.retainAll(read);
        missingInfrastructure.removeAll(given);
        assertTrue(missingInfrastructure.isEmpty(), module + ": compose leaves " + missingInfrastructure
                + " at their local-devstack defaults, which do not work inside containers");
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    void databaseUrlPointsAtTheServicesOwnDatabase(String module) throws IOException {
        String jdbcDefault = properties(module).getProperty("quarkus.datasource.jdbc.url");
        if (jdbcDefault == null) {
            return; // a service without a database (the gateway)
        }
        Matcher local = DEFAULT_DATABASE.matcher(jdbcDefault);
        assertTrue(local.find(), "cannot read the default database of " + module + " from " + jdbcDefault);
        String database = local.group(1);

        Matcher inCompose = DEFAULT_DATABASE.matcher(String.valueOf(environment(module).get("DB_URL")));
        assertTrue(inCompose.find(), module + ": DB_URL in compose is not a PostgreSQL JDBC URL");
        assertEquals(database, inCompose.group(1), module + " must use its own database in compose too");
        assertTrue(String.valueOf(environment(module).get("DB_URL")).contains("//postgres:5432/"),
                module + ": DB_URL must reach the postgres container");
        assertEquals("kafka:9092", environment(module).get("KAFKA_BOOTSTRAP"));

        String initScript = Files.readString(ROOT.resolve("deploy/postgres/init-databases.sh"));
        assertTrue(initScript.contains("'" + database + "'"), "init script does not create database " + database);

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> dependsOn = (Map<String, Map<String, Object>>) service(module).get("depends_on");
        assertNotNull(dependsOn, module + " must wait for postgres and kafka");
        assertEquals("service_healthy", dependsOn.get("postgres").get("condition"));
        assertEquals("service_healthy", dependsOn.get("kafka").get("condition"));
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    void portAndReadinessCheckMatchTheService(String module) throws IOException {
        int port = httpPort(module);
        @SuppressWarnings("unchecked")
        List<Object> ports = (List<Object>) service(module).get("ports");
        if (module.equals("gateway")) {
            assertNotNull(ports, "the gateway publishes no port");
            assertTrue(ports.stream().map(String::valueOf).anyMatch(p -> p.endsWith(":" + port)),
                    "the gateway must publish container port " + port + ", has " + ports);
        } else {
            // Only the gateway is reachable from outside; services answer only its signed requests.
            assertTrue(ports == null || ports.isEmpty(), module + " must not publish a port, has " + ports);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> healthcheck = (Map<String, Object>) service(module).get("healthcheck");
        assertNotNull(healthcheck, module + " has no health check");
        assertTrue(String.valueOf(healthcheck.get("test")).contains("localhost:" + port + "/q/health/ready"),
                module + " health check must call /q/health/ready on " + port + ": " + healthcheck.get("test"));
    }

    private static int httpPort(String module) throws IOException {
        String value = properties(module).getProperty("quarkus.http.port");
        assertNotNull(value, module + " must set quarkus.http.port");
        Matcher withDefault = Pattern.compile("\\$\\{[A-Z_]+:(\\d+)}").matcher(value);
        return Integer.parseInt(withDefault.matches() ? withDefault.group(1) : value.trim());
    }

    private static Set<String> variablesReadBy(String module) throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher m = ENV_REFERENCE.matcher(Files.readString(applicationProperties(module)));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Properties properties(String module) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(applicationProperties(module))) {
            properties.load(reader);
        }
        return properties;
    }

    private static Path applicationProperties(String module) {
        return ROOT.resolve(module).resolve("src/main/resources/application.properties");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() {
        return (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        Map<String, Object> service = (Map<String, Object>) services().get(name);
        assertNotNull(service, "docker-compose.yml has no service " + name);
        return service;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String name) {
        Object env = service(name).get("environment");
        if (env == null) {
            return Map.of();
        }
        if (env instanceof List<?> list) { // the KEY=VALUE list form
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            for (Object item : list) {
                String[] kv = String.valueOf(item).split("=", 2);
                map.put(kv[0], kv.length > 1 ? kv[1] : null);
            }
            return map;
        }
        return (Map<String, Object>) env;
    }
}
