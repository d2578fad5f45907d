package dev.herald.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An Arquillian test that runs inside the shared Payara domain. The domain is started before
 * Arquillian connects to it. JUnit runs the test class again inside the server, where there is
 * nothing to start: the test JVM is told apart by the {@code herald.home} property its build sets.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({InContainerTest.DomainRunning.class, ArquillianExtension.class})
public @interface InContainerTest {

    class DomainRunning implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            if (System.getProperty("herald.home") != null) {
                HeraldServer.get();
            }
        }
    }
}
