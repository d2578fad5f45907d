package dev.herald.access.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoginViewTest {

    @ParameterizedTest
    @ValueSource(strings = {"/console/", "/console/schedules.xhtml?id=4", "/console/index.xhtml"})
    void aPathInsideTheConsoleIsFollowed(String target) {
        LoginView view = new LoginView();
        view.setContinueTo(target);

        assertThat(view.destination()).isEqualTo(target);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "https://evil.example/console/",
                "//evil.example/console/",
                "/console//evil.example",
                "/console/../partner/",
                "/console/\\evil",
                "/partner/",
                "/console/login.xhtml",
                "/console/\r\nSet-Cookie: x=y"
            })
    void anythingElseGoesToTheConsoleHome(String target) {
        LoginView view = new LoginView();
        view.setContinueTo(target);

        assertThat(view.destination()).isEqualTo("/console/");
    }
}
