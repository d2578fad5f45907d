package dev.herald.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.json.bind.annotation.JsonbCreator;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The records the API reads request bodies into (the {@code …Input} records) can be made by JSON-B:
 * Yasson creates a record through its one constructor, and with several it refuses the body
 * ("Multiple constructors found", a 400 for every caller) unless one of them is the
 * {@link JsonbCreator}.
 */
class ApiBodiesTest {

    private static final JavaClasses HERALD = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/testing/"))
            .importPackages("dev.herald");

    @Test
    void everyInputRecordHasOneConstructorForJsonB() {
        List<Class<?>> inputs = HERALD.stream()
                .filter(type -> type.getSimpleName().endsWith("Input"))
                .map(JavaClass::reflect)
                .filter(Class::isRecord)
                .toList();
        assertThat(inputs).extracting(Class::getSimpleName).contains("ScheduledReportInput", "ScheduleInput");
        assertThat(inputs).allSatisfy(input -> {
            Constructor<?>[] constructors = input.getDeclaredConstructors();
            long creators = Arrays.stream(constructors)
                    .filter(c -> c.isAnnotationPresent(JsonbCreator.class))
                    .count();
            assertThat(constructors.length == 1 || creators == 1)
                    .as(
                            "%s has %d constructors and %d marked @JsonbCreator",
                            input.getName(), constructors.length, creators)
                    .isTrue();
        });
    }
}
