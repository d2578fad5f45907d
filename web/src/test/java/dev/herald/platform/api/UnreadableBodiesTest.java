package dev.herald.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/**
 * Problems for bodies that do not bind. The failures below are built as Yasson (Payara's JSON-B)
 * chains them, with its words; the answers must name the field and what it takes, and never a Java
 * class or package.
 */
class UnreadableBodiesTest {

    private static JsonbException yasson(String... levels) {
        JsonbException failure = null;
        Throwable cause = new NumberFormatException("For input string: \"x\"");
        for (int i = levels.length - 1; i >= 0; i--) {
            failure = new JsonbException(levels[i], cause);
            cause = failure;
        }
        return failure;
    }

    private static void assertNamesNoJava(Problem problem) {
        String all = problem.detail() + " " + problem.errors();
        assertThat(all).doesNotContain("java.", "jakarta.", "org.", "eclipse", "yasson", "class ", "Exception");
    }

    @Test
    void aWrongTypeDeepInsideIsNamedByItsPath() {
        JsonbException failure = yasson(
                "Unable to deserialize property 'recurrence' because of: Unable to deserialize property 'occurs'"
                        + " because of: Unable to deserialize property 'every' because of: Error deserialize JSON value"
                        + " into type: class java.lang.Integer.",
                "Unable to deserialize property 'occurs' because of: Unable to deserialize property 'every' because"
                        + " of: Error deserialize JSON value into type: class java.lang.Integer.",
                "Unable to deserialize property 'every' because of: Error deserialize JSON value into type: class"
                        + " java.lang.Integer.",
                "Error deserialize JSON value into type: class java.lang.Integer.");

        Problem problem = UnreadableBodies.of(failure);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("recurrence.occurs.every");
            assertThat(error.message()).isEqualTo("This field takes a whole number.");
        });
        assertNamesNoJava(problem);
    }

    @Test
    void aBadInstantIsExplainedWithAnExampleAndWithoutYassonsAdvice() {
        JsonbException failure = yasson(
                "Unable to deserialize property 'expiresAt' because of: Error parsing class java.time.Instant from"
                        + " value: nope. Check your @JsonbDateFormat has all time units for class java.time.Instant"
                        + " type, or consider using org.eclipse.yasson.YassonConfig#ZERO_TIME_PARSE_DEFAULTING.",
                "Error parsing class java.time.Instant from value: nope. Check your @JsonbDateFormat has all time"
                        + " units for class java.time.Instant type, or consider using"
                        + " org.eclipse.yasson.YassonConfig#ZERO_TIME_PARSE_DEFAULTING.");

        Problem problem = UnreadableBodies.of(failure);

        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("expiresAt");
            assertThat(error.message()).contains("2026-03-01T00:00:00Z");
        });
        assertNamesNoJava(problem);
    }

    @Test
    void anObjectWhereARecordIsExpectedIsCalledAnObject() {
        JsonbException failure = yasson(
                "Unable to deserialize property 'recurrence' because of: Incorrect position for processing type:"
                        + " class dev.herald.schedules.boundary.RecurrenceInput. Received event: START_ARRAY Allowed:"
                        + " [START_OBJECT]",
                "Incorrect position for processing type: class dev.herald.schedules.boundary.RecurrenceInput."
                        + " Received event: START_ARRAY Allowed: [START_OBJECT]");

        Problem problem = UnreadableBodies.of(failure);

        assertThat(problem.errors()).singleElement().satisfies(error -> assertThat(error.message())
                .isEqualTo("This field takes an object."));
        assertNamesNoJava(problem);
    }

    @Test
    void aBodyOfTheWrongShapeAtTheTopIsA400WithoutAField() {
        Problem problem = UnreadableBodies.of(new JsonbException(
                "Incorrect position for processing type: class dev.herald.schedules.api.RecurrenceResource$PreviewRequest."
                        + " Received event: START_ARRAY Allowed: [START_OBJECT]"));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).isNull();
        assertThat(problem.detail())
                .isEqualTo("The body is not the JSON this endpoint takes: an object was expected"
                        + " where it has something else.");
        assertNamesNoJava(problem);
    }

    @Test
    void anInternalErrorOfTheBinderSaysOnlyThatTheBodyDoesNotFit() {
        Problem problem = UnreadableBodies.of(new JsonbException(
                "Internal error: argument type mismatch", new IllegalArgumentException("argument type mismatch")));

        assertThat(problem.detail()).isEqualTo("The body is not the JSON this endpoint takes.");
        assertNamesNoJava(problem);
    }

    @Test
    void brokenJsonIsLocatedByLineAndColumn() {
        JsonParsingException parsing;
        try (JsonParser parser = Json.createParser(new StringReader("{\"count\": 1,}"))) {
            while (parser.hasNext()) {
                parser.next();
            }
            throw new AssertionError("the parser accepted a stray comma");
        } catch (JsonParsingException e) {
            parsing = e;
        }

        Problem problem = UnreadableBodies.of(new JsonbException("Internal error: " + parsing.getMessage(), parsing));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).isEqualTo("The body is not valid JSON (line 1, column 13).");
        assertNamesNoJava(problem);
    }
}
