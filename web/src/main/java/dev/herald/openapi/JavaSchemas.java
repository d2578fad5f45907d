package dev.herald.openapi;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Java types as OpenAPI schemas, read from the types themselves so that the document cannot drift
 * from what JSON-B writes and reads: a record is an object whose properties are its components (by
 * their JSON-B names), an enum a string with its constants, a collection an array, a map an object
 * whose values have the map's value schema, and the JDK's value types strings of their formats.
 * Records and enums become named components and are referred to; everything else is written in
 * place. MicroProfile {@code @Schema} on a component adds its description, example, bounds and
 * whether it is required (a primitive always is).
 */
final class JavaSchemas {

    /** A component's name by the type it describes (a record, an enum, or a record with its type arguments). */
    private final Map<Type, String> names = new HashMap<>();

    /** The components, by name. */
    private final Map<String, Schema> components = new TreeMap<>();

    /** The types whose schemas could not be told; the document says "any value" for them and the test fails. */
    private final List<String> unknown = new ArrayList<>();

    Map<String, Schema> components() {
        return components;
    }

    List<String> unknown() {
        return unknown;
    }

    /** The schema of a value of this type, or a reference to its component. */
    Schema of(Type type) {
        return of(type, Map.of());
    }

    private Schema of(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> variable) {
            Type bound = bindings.get(variable);
            if (bound == null) {
                unknown.add("type variable " + variable);
                return any("Any JSON value.");
            }
            return of(bound, Map.of());
        }
        if (type instanceof WildcardType wildcard) {
            return of(wildcard.getUpperBounds()[0], bindings);
        }
        if (type instanceof GenericArrayType array) {
            return array(of(array.getGenericComponentType(), bindings));
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = Arrays.stream(parameterized.getActualTypeArguments())
                    .map(argument -> resolve(argument, bindings))
                    .toArray(Type[]::new);
            if (Optional.class.equals(raw)) {
                return of(arguments[0], bindings);
            }
            if (Collection.class.isAssignableFrom(raw)) {
                Schema array = array(of(arguments[0], bindings));
                return Set.class.isAssignableFrom(raw) ? array.uniqueItems(true) : array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema().type(SchemaType.OBJECT).additionalPropertiesSchema(of(arguments[1]));
            }
            if (raw.isRecord()) {
                return reference(parameterizedRecord(raw, arguments));
            }
            unknown.add(type.getTypeName());
            return any("Any JSON value.");
        }
        return ofClass((Class<?>) type);
    }

    private static Type resolve(Type argument, Map<TypeVariable<?>, Type> bindings) {
        return argument instanceof TypeVariable<?> variable && bindings.containsKey(variable)
                ? bindings.get(variable)
                : argument;
    }

    private Schema ofClass(Class<?> type) {
        if (type == String.class || type == char.class || type == Character.class) {
            return string(null);
        }
        if (type == boolean.class || type == Boolean.class) {
            return OASFactory.createSchema().type(SchemaType.BOOLEAN);
        }
        if (type == int.class || type == Integer.class || type == short.class || type == Short.class) {
            return OASFactory.createSchema().type(SchemaType.INTEGER).format("int32");
        }
        if (type == long.class || type == Long.class || type == BigInteger.class) {
            return OASFactory.createSchema().type(SchemaType.INTEGER).format("int64");
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return OASFactory.createSchema().type(SchemaType.NUMBER).format("double");
        }
        if (type == BigDecimal.class) {
            return OASFactory.createSchema().type(SchemaType.NUMBER);
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return string("date-time").example("2026-12-07T07:30:00Z");
        }
        if (type == LocalDate.class) {
            return string("date").example("2026-12-07");
        }
        if (type == LocalDateTime.class) {
            return string(null)
                    .description("A date and time of day without a zone (ISO 8601).")
                    .example("2026-12-07T07:30:00");
        }
        if (type == LocalTime.class) {
            return string(null)
                    .description("A time of day (ISO 8601), to the minute or the second.")
                    .pattern("^[0-2][0-9]:[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?$")
                    .example("07:30");
        }
        if (type == Duration.class) {
            return string("duration").description("An ISO 8601 duration.").example("PT15M");
        }
        if (type == ZoneId.class) {
            return string(null).description("An IANA time zone.").example("Europe/London");
        }
        if (type == Locale.class) {
            return string(null).description("A BCP 47 language tag.").example("en-GB");
        }
        if (type == URI.class) {
            return string("uri");
        }
        if (type == UUID.class) {
            return string("uuid");
        }
        if (type == byte[].class) {
            return string("byte");
        }
        if (type.isArray()) {
            return array(ofClass(type.getComponentType()));
        }
        if (JsonObject.class.isAssignableFrom(type)) {
            return OASFactory.createSchema()
                    .type(SchemaType.OBJECT)
                    .additionalPropertiesBoolean(true)
                    .description("A JSON object whose members are free.");
        }
        if (JsonArray.class.isAssignableFrom(type)) {
            return array(any("Any JSON value."));
        }
        if (JsonValue.class.isAssignableFrom(type) || type == Object.class) {
            return any("Any JSON value: a string, number, boolean, array or object.");
        }
        if (type.isEnum() || type.isRecord()) {
            return reference(named(type));
        }
        unknown.add(type.getName());
        return any("Any JSON value.");
    }

    private String named(Class<?> type) {
        String known = names.get(type);
        if (known != null) {
            return known;
        }
        String name = freeName(type, simpleName(type));
        names.put(type, name);
        if (type.isEnum()) {
            List<Object> constants = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                constants.add(((Enum<?>) constant).name());
            }
            Schema schema = string(null).enumeration(constants);
            describe(schema, type);
            components.put(name, schema);
        } else {
            components.put(name, OASFactory.createSchema()); // holds the name while its properties are read
            components.put(name, record(type, Map.of()));
        }
        return name;
    }

    private String parameterizedRecord(Class<?> raw, Type[] arguments) {
        ParameterizedType key = new Parameterized(raw, arguments);
        String known = names.get(key);
        if (known != null) {
            return known;
        }
        StringBuilder name = new StringBuilder(simpleName(raw));
        for (Type argument : arguments) {
            name.append(argument instanceof Class<?> c ? simpleName(c) : "Value");
        }
        String free = freeName(key, name.toString());
        names.put(key, free);
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        TypeVariable<?>[] variables = raw.getTypeParameters();
        for (int i = 0; i < variables.length; i++) {
            bindings.put(variables[i], arguments[i]);
        }
        components.put(free, OASFactory.createSchema());
        components.put(free, record(raw, bindings));
        return free;
    }

    /** A name no other type has taken: the simple name, or with its enclosing type's before it. */
    private String freeName(Type type, String wanted) {
        String name = wanted;
        if (components.containsKey(name) && type instanceof Class<?> c && c.getEnclosingClass() != null) {
            name = simpleName(c.getEnclosingClass()) + name;
        }
        int suffix = 2;
        String base = name;
        while (components.containsKey(name)) {
            name = base + suffix++;
        }
        return name;
    }

    /**
     * A type's short name; a type declared inside another is named after it too ({@code HealthStatus},
     * {@code SchedulesOccurrences} for one inside SchedulesResource), since such types have common names.
     */
    private static String simpleName(Class<?> type) {
        Class<?> enclosing = type.getEnclosingClass();
        if (enclosing != null) {
            return enclosing.getSimpleName().replaceFirst("(Resource|Exception)$", "") + type.getSimpleName();
        }
        return type.getSimpleName();
    }

    private Schema record(Class<?> type, Map<TypeVariable<?>, Type> bindings) {
        Schema schema = OASFactory.createSchema().type(SchemaType.OBJECT);
        describe(schema, type);
        List<String> required = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Field field = field(type, component.getName());
            if (annotated(component, field, JsonbTransient.class) != null) {
                continue;
            }
            JsonbProperty renamed = annotated(component, field, JsonbProperty.class);
            String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
            Schema property = of(component.getGenericType(), bindings);
            org.eclipse.microprofile.openapi.annotations.media.Schema hints =
                    annotated(component, field, org.eclipse.microprofile.openapi.annotations.media.Schema.class);
            if (hints != null && hints.implementation() != Void.class) {
                // A string field that holds one of an enum's constants names the enum.
                Schema named = of(hints.implementation());
                property = property.getType() == SchemaType.ARRAY ? property.items(named) : named;
            }
            if (hints != null) {
                property = Hints.apply(property, hints);
            }
            if (property.getType() == SchemaType.STRING
                    && property.getFormat() == null
                    && (name.equals("email") || name.endsWith("Email"))) {
                property.format("email");
            }
            schema.addProperty(name, property);
            if (component.getType().isPrimitive() || (hints != null && hints.required())) {
                required.add(name);
            }
        }
        if (!required.isEmpty()) {
            schema.required(required);
        }
        return schema;
    }

    private static void describe(Schema schema, Class<?> type) {
        org.eclipse.microprofile.openapi.annotations.media.Schema hints =
                type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        if (hints != null && !hints.description().isEmpty()) {
            schema.description(hints.description());
        }
        if (hints != null && !hints.title().isEmpty()) {
            schema.title(hints.title());
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    /** An annotation on a record component, its field or its accessor (where Java puts it by its targets). */
    private static <A extends java.lang.annotation.Annotation> A annotated(
            RecordComponent component, Field field, Class<A> annotation) {
        for (AnnotatedElement element : new AnnotatedElement[] {component, field, component.getAccessor()}) {
            if (element != null && element.getAnnotation(annotation) != null) {
                return element.getAnnotation(annotation);
            }
        }
        return null;
    }

    private static Schema reference(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    private static Schema string(String format) {
        Schema schema = OASFactory.createSchema().type(SchemaType.STRING);
        return format == null ? schema : schema.format(format);
    }

    private static Schema array(Schema items) {
        return OASFactory.createSchema().type(SchemaType.ARRAY).items(items);
    }

    /** A schema that takes any value, said so in words: used only where the value is free. */
    static Schema any(String description) {
        return OASFactory.createSchema().description(description);
    }

    /** A parameterized type to key the names of generic records by. */
    private record Parameterized(Class<?> raw, Type[] arguments) implements ParameterizedType {

        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Parameterized that
                    && raw.equals(that.raw)
                    && Arrays.equals(arguments, that.arguments);
        }

        @Override
        public int hashCode() {
            return raw.hashCode() * 31 + Arrays.hashCode(arguments);
        }
    }
}
