package dev.herald.platform.boundary;

import jakarta.ejb.ApplicationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Input that cannot be accepted, with a message for each field that is wrong. The console shows each
 * message on its field; the API answers 400 with the fields in {@code errors}. Nothing is saved.
 */
@ApplicationException(rollback = true)
public class ValidationException extends RuntimeException {

    public record FieldError(String field, String message) {}

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        return errors.stream()
                .map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid");
    }

    /** Collects every problem before answering, so that the user sees them all at once. */
    public static final class Builder {
        private final List<FieldError> errors = new ArrayList<>();

        public Builder add(String field, String message) {
            errors.add(new FieldError(field, message));
            return this;
        }

        public Builder addAll(ValidationException other) {
            errors.addAll(other.errors());
            return this;
        }

        /**
         * The constant of {@code type} that {@code value} names (any case, blanks ignored), or
         * {@code fallback} when it is empty; when it names none, an error on {@code field} that lists
         * the allowed names, and null.
         */
        public <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, E fallback) {
            String text = value == null ? "" : value.strip();
            if (text.isEmpty()) {
                return fallback;
            }
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                String allowed =
                        Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
                add(field, "'" + text + "' is not one of " + allowed + ".");
                return null;
            }
        }

        public boolean hasErrorOn(String field) {
            return errors.stream().anyMatch(error -> error.field().equals(field));
        }

        public boolean isEmpty() {
            return errors.isEmpty();
        }

        public int size() {
            return errors.size();
        }

        public List<FieldError> errors() {
            return List.copyOf(errors);
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        }
    }
}
