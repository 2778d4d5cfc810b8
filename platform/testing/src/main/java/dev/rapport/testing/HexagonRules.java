package dev.rapport.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The architecture every service follows (DESIGN.md, "Inside a service"), as ArchUnit rules over a
 * service's compiled main classes. A service's {@code ArchitectureTest} calls {@link #checkAll()} or
 * each rule in its own test method:
 *
 * <pre>{@code
 * private static final HexagonRules RULES = HexagonRules.of("dev.rapport.loyalty");
 * @Test void domainIsPlainJava() { RULES.domainIsPlainJava(); }
 * }</pre>
 */
public final class HexagonRules {

    /** What the domain may use besides itself. */
    public static final String[] DOMAIN_MAY_USE = {"java..", "dev.rapport.kernel.."};

    /** Infrastructure the application layer must not see: persistence, HTTP, Kafka, the outbox. */
    public static final String[] INFRASTRUCTURE = {
            "jakarta.persistence..", "org.hibernate..", "io.quarkus.hibernate..",
            "jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx..",
            "java.sql..", "javax.sql..", "io.agroal..", "org.postgresql..",
            "org.apache.kafka..", "io.smallrye.reactive.messaging..", "dev.rapport.messaging.."};

    private final String root;
    private final JavaClasses classes;

    private HexagonRules(String root, JavaClasses classes) {
        this.root = root;
        this.classes = classes;
    }

    /** The main (non-test) classes under {@code rootPackage}, e.g. {@code dev.rapport.customer}. */
    public static HexagonRules of(String rootPackage) {
        return of(rootPackage, new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage));
    }

    /** The rules over classes imported elsewhere (the rules' own tests use fixtures). */
    public static HexagonRules of(String rootPackage, JavaClasses classes) {
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("no classes found under " + rootPackage);
        }
        return new HexagonRules(rootPackage, classes);
    }

    public void checkAll() {
        domainIsPlainJava();
        applicationUsesNoAdapterConfigOrInfrastructure();
        portsInAndOutAreIndependent();
        adaptersInAndOutAreIndependent();
        adaptersReachTheCoreThroughPorts();
        entitiesAndResourcesLiveInTheirAdapters();
    }

    /** Rule 1: the domain depends on java.* and platform/kernel only. */
    public void domainIsPlainJava() {
        String[] allowed = new String[DOMAIN_MAY_USE.length + 1];
        System.arraycopy(DOMAIN_MAY_USE, 0, allowed, 0, DOMAIN_MAY_USE.length);
        allowed[DOMAIN_MAY_USE.length] = root + ".domain..";
        classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .because("the domain is plain Java and platform/kernel: no Quarkus, JPA, JAX-RS or Kafka")
                .check(classes);
    }

    /** Rule 2: application code knows neither adapters nor configuration nor infrastructure types. */
    public void applicationUsesNoAdapterConfigOrInfrastructure() {
        String[] forbidden = new String[INFRASTRUCTURE.length + 2];
        forbidden[0] = root + ".adapter..";
        forbidden[1] = root + ".config..";
        System.arraycopy(INFRASTRUCTURE, 0, forbidden, 2, INFRASTRUCTURE.length);
        noClasses().that().resideInAPackage(root + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("the application says what happens; adapters say how it is stored and sent")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** Rule 3a: inbound ports (use cases) and outbound ports (what the core needs) do not know each other. */
    public void portsInAndOutAreIndependent() {
        noClasses().that().resideInAPackage(root + ".application.port.in..")
                .should().dependOnClassesThat().resideInAPackage(root + ".application.port.out..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage(root + ".application.port.out..")
                .should().dependOnClassesThat().resideInAPackage(root + ".application.port.in..")
                .because("shared shapes such as paging come from platform/kernel or the domain")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** Rule 3b: inbound and outbound adapters do not depend on each other. */
    public void adaptersInAndOutAreIndependent() {
        noClasses().that().resideInAPackage(root + ".adapter.in..")
                .should().dependOnClassesThat().resideInAPackage(root + ".adapter.out..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage(root + ".adapter.out..")
                .should().dependOnClassesThat().resideInAPackage(root + ".adapter.in..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** Rule 3c: adapters call use cases and implement outbound ports, never the services behind them. */
    public void adaptersReachTheCoreThroughPorts() {
        noClasses().that().resideInAPackage(root + ".adapter..")
                .should().dependOnClassesThat().resideInAPackage(root + ".application.service..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** Rule 4: JPA entities only in adapter.out.persistence, JAX-RS resources only in adapter.in.rest. */
    public void entitiesAndResourcesLiveInTheirAdapters() {
        classes().that().areAnnotatedWith("jakarta.persistence.Entity")
                .or().areAnnotatedWith("jakarta.persistence.Embeddable")
                .should().resideInAPackage(root + ".adapter.out.persistence..")
                .allowEmptyShould(true)
                .check(classes);
        classes().that().areAnnotatedWith("jakarta.ws.rs.Path")
                .should().resideInAPackage(root + ".adapter.in.rest..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
