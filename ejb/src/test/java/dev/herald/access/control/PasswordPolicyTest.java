package dev.herald.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void refusesShortPasswordsAndSaysHowLong() {
        assertThat(PasswordPolicy.problem("Sh0rt&sweet", "ann"))
                .hasValue("A password needs at least 12 characters; this one has 11.");
        assertThat(PasswordPolicy.problem("", "ann")).hasValue("Enter a password.");
        assertThat(PasswordPolicy.problem(null, "ann")).hasValue("Enter a password.");
    }

    @Test
    void countsCharactersNotCodeUnits() {
        assertThat(PasswordPolicy.problem("😀😀😀😀😀😀😀😀😀😀😀", "ann"))
                .isPresent()
                .get()
                .asString()
                .contains("has 11");
    }

    @Test
    void refusesCommonPasswordsInAnyCase() {
        assertThat(PasswordPolicy.problem("qwertyuiop123", "ann")).isPresent();
        assertThat(PasswordPolicy.problem("1qaz2wsx3edc", "ann"))
                .hasValue("This password is one of the most common ones; choose another.");
        assertThat(PasswordPolicy.problem("QWERTYUIOP12345", "ann")).isPresent();
    }

    @Test
    void refusesACommonPasswordWithDigitsOrSymbolsAdded() {
        assertThat(PasswordPolicy.problem("password1234", "ann")).isPresent();
        assertThat(PasswordPolicy.problem("Football!!12", "ann")).isPresent();
        assertThat(PasswordPolicy.problem("superman2026", "ann")).isPresent();
    }

    @Test
    void refusesRepetitionAndTheUserName() {
        assertThat(PasswordPolicy.problem("abababababababab", "ann"))
                .hasValue("This password repeats one or two characters; choose another.");
        assertThat(PasswordPolicy.problem("my name is Margaret-Box", "margaret"))
                .hasValue("The password may not contain the user name.");
    }

    @Test
    void acceptsALongUnusualPassphrase() {
        assertThat(PasswordPolicy.problem("correct horse battery staple", "ann"))
                .isEmpty();
        assertThat(PasswordPolicy.problem("Limelight-Stalls-47", "ann")).isEmpty();
    }
}
