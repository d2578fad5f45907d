package dev.herald.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordGeneratorTest {

    @Test
    void generatedPasswordsAvoidCharactersThatLookAlike() {
        String password = PasswordGenerator.generate(200);

        assertThat(password).hasSize(200).doesNotContain("0", "O", "1", "l", "I");
    }

    @Test
    void twoPasswordsDiffer() {
        assertThat(PasswordGenerator.generate(20)).isNotEqualTo(PasswordGenerator.generate(20));
    }
}
