package dev.rapport.customer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The four rules of DESIGN.md, checked on the compiled main classes. */
class ArchitectureTest {

    private static final String ROOT = "dev.rapport.customer";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void domainDependsOnNothingButJavaAndItself() {
        classes().that().resideInAPackage(ROOT + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", ROOT + ".domain..")
                .because("the domain is plain Java: no Quarkus, JPA, JAX-RS or Kafka")
                .check(classes);
    }

    @Test
    void applicationDoesNotDependOnAdaptersConfigOrInfrastructureTypes() {
        noClasses().that().resideInAPackage(ROOT + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        ROOT + ".adapter..", ROOT + ".config..",
                        "jakarta.persistence..", "org.hibernate..", "io.quarkus.hibernate..",
                        "jakarta.ws.rs..", "org.jboss.resteasy..",
                        "org.apache.kafka..", "io.smallrye.reactive.messaging..")
                .check(classes);
    }

    @Test
    void inboundAndOutboundAdaptersDoNotKnowEachOther() {
        noClasses().that().resideInAPackage(ROOT + ".adapter.in..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".adapter.out..")
                .check(classes);
        noClasses().that().resideInAPackage(ROOT + ".adapter.out..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".adapter.in..")
                .check(classes);
    }

    @Test
    void adaptersReachTheCoreOnlyThroughPorts() {
        noClasses().that().resideInAPackage(ROOT + ".adapter..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".application.service..")
                .check(classes);
    }

    @Test
    void entitiesLiveInPersistenceAndResourcesInRest() {
        classes().that().areAnnotatedWith(jakarta.persistence.Entity.class)
                .or().areAnnotatedWith(jakarta.persistence.Embeddable.class)
                .should().resideInAPackage(ROOT + ".adapter.out.persistence..")
                .check(classes);
        classes().that().areAnnotatedWith(jakarta.ws.rs.Path.class)
                .should().resideInAPackage(ROOT + ".adapter.in.rest..")
                .check(classes);
    }
}
