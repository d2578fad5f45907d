package dev.herald.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A test against the whole EAR, deployed once per run, through HTTP and a real browser. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SystemTest.HeraldDeployed.class)
public @interface SystemTest {

    class HeraldDeployed implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            HeraldServer.get().deployHerald();
        }
    }
}
