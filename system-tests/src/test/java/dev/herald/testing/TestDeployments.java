package dev.herald.testing;

import java.io.File;
import java.net.URISyntaxException;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Archives for in-container tests: Herald's own EAR, as built, with its two WARs replaced by a test
 * WAR. The business components, libraries and migrations are exactly those that ship.
 */
public final class TestDeployments {

    private TestDeployments() {}

    public static EnterpriseArchive heraldWith(Class<?>... testClasses) {
        File built = new File(System.getProperty("herald.ear", "../ear/target/herald.ear"));
        EnterpriseArchive ear = ShrinkWrap.create(ZipImporter.class, "herald-it.ear")
                .importFrom(built)
                .as(EnterpriseArchive.class);
        ear.delete("herald-web.war");
        ear.delete("herald-partner-web.war");
        ear.delete("META-INF/application.xml");
        WebArchive tests = ShrinkWrap.create(WebArchive.class, "test.war")
                .addClasses(testClasses)
                .addClasses(InContainerTest.class, InContainerTest.DomainRunning.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsLibraries(jarOf(Assertions.class), jarOf(Awaitility.class), jarOf(Matcher.class));
        return ear.addAsModule(tests);
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
