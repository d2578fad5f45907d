package dev.herald.openapi;

import dev.herald.access.api.ApiTokensResource;
import dev.herald.access.api.MeResource;
import dev.herald.access.api.PermissionsResource;
import dev.herald.access.api.RolesResource;
import dev.herald.access.api.UsersResource;
import dev.herald.audit.api.AuditResource;
import dev.herald.ondemand.api.MyFilesResource;
import dev.herald.ondemand.api.OnDemandResource;
import dev.herald.platform.api.EntityTags;
import dev.herald.platform.api.HealthResource;
import dev.herald.platform.api.IdempotentOperations;
import dev.herald.platform.api.Problem;
import dev.herald.platform.api.Tagged;
import dev.herald.platform.api.VersionProblem;
import dev.herald.reports.api.CriteriaSetsResource;
import dev.herald.reports.api.ReportsResource;
import dev.herald.runs.api.RunsResource;
import dev.herald.schedules.api.RecurrenceResource;
import dev.herald.schedules.api.SchedulesResource;
import dev.herald.scopes.api.ScopeKindsResource;
import dev.herald.settings.api.SettingsResource;
import dev.herald.summaries.api.SummaryReportsResource;
import dev.herald.usage.api.ScheduledTasksResource;
import dev.herald.usage.api.TenantsResource;
import dev.herald.usage.api.UsageReportsResource;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * The API's OpenAPI document, written from the resource classes themselves: every operation of
 * every resource, with its parameters, its request body and each answer's schema read from the Java
 * types (see {@link JavaSchemas}), the problems it can answer, its security and its tag. Summaries,
 * tags and the descriptions of parameters come from the MicroProfile annotations on the resources; a
 * method that answers a {@link Response} says what it answers with {@code @APIResponse}.
 *
 * <p>What could not be told (a type without a schema, a method answering a bare Response) is listed
 * under {@code x-herald-undescribed}, which the schema-completeness test requires to be absent.
 */
final class ApiContract {

    /** Every resource of the API; {@code ApiContractTest} checks that none is missing. */
    static final List<Class<?>> RESOURCES = List.of(
            ApiTokensResource.class,
            AuditResource.class,
            CriteriaSetsResource.class,
            HealthResource.class,
            MeResource.class,
            MyFilesResource.class,
            OnDemandResource.class,
            PermissionsResource.class,
            RecurrenceResource.class,
            ReportsResource.class,
            RolesResource.class,
            RunsResource.class,
            ScheduledTasksResource.class,
            SchedulesResource.class,
            ScopeKindsResource.class,
            SettingsResource.class,
            SummaryReportsResource.class,
            TenantsResource.class,
            UsageReportsResource.class,
            UsersResource.class);

    static final String PAGE_DESCRIPTION = "The page to answer, numbered from 0 (default 0; at most 1,000,000).";
    static final String SIZE_DESCRIPTION = "Rows per page, 1 to 200 (default 20).";
    static final String QUERY_DESCRIPTION = "Only rows whose name contains this text, ignoring case.";

    private final JavaSchemas schemas = new JavaSchemas();
    private final List<String> undescribed = new ArrayList<>();

    /** Writes the document's paths, tags and schemas over what the server read from the annotations. */
    static void complete(OpenAPI document) {
        new ApiContract().write(document);
    }

    private void write(OpenAPI document) {
        String root = "/"
                + trim(dev.herald.platform.api.HeraldApi.class
                        .getAnnotation(ApplicationPath.class)
                        .value());
        Paths paths = OASFactory.createPaths();
        List<org.eclipse.microprofile.openapi.models.tags.Tag> tags = new ArrayList<>();
        for (Class<?> resource : RESOURCES) {
            Tag tag = resource.getAnnotation(Tag.class);
            String tagName = tag != null ? tag.name() : resource.getSimpleName().replaceFirst("Resource$", "");
            if (tag == null) {
                undescribed.add(resource.getSimpleName() + ": no @Tag");
            }
            tags.add(OASFactory.createTag()
                    .name(tagName)
                    .description(tag != null && !tag.description().isEmpty() ? tag.description() : null));
            Path resourcePath = resource.getAnnotation(Path.class);
            List<Method> methods = Arrays.stream(resource.getMethods())
                    .filter(method -> httpMethod(method) != null && !Modifier.isStatic(method.getModifiers()))
                    .sorted(Comparator.comparing(Method::getName))
                    .toList();
            for (Method method : methods) {
                Path methodPath = method.getAnnotation(Path.class);
                String path = join(root, resourcePath.value(), methodPath == null ? "" : methodPath.value());
                PathItem item = paths.getPathItem(path);
                if (item == null) {
                    item = OASFactory.createPathItem();
                    paths.addPathItem(path, item);
                }
                item.setOperation(httpMethod(method), operation(resource, tagName, method, path, root));
            }
        }
        document.paths(paths);
        document.tags(tags);
        Map<String, Schema> components = new TreeMap<>(schemas.components());
        if (document.getComponents() == null) {
            document.components(OASFactory.createComponents());
        }
        document.getComponents().schemas(components);
        undescribed.addAll(
                schemas.unknown().stream().map(type -> "no schema for " + type).toList());
        if (!undescribed.isEmpty()) {
            document.addExtension("x-herald-undescribed", List.copyOf(undescribed));
        }
    }

    private org.eclipse.microprofile.openapi.models.Operation operation(
            Class<?> resource, String tag, Method method, String path, String root) {
        PathItem.HttpMethod verb = httpMethod(method);
        Operation annotation = method.getAnnotation(Operation.class);
        org.eclipse.microprofile.openapi.models.Operation operation = OASFactory.createOperation()
                .operationId(operationId(resource, method, annotation))
                .tags(List.of(tag));
        if (annotation != null && !annotation.summary().isEmpty()) {
            operation.summary(annotation.summary());
        } else {
            undescribed.add(resource.getSimpleName() + "." + method.getName() + ": no summary");
        }
        if (annotation != null && !annotation.description().isEmpty()) {
            operation.description(annotation.description());
        }
        boolean open = method.isAnnotationPresent(PermitAll.class) || resource.isAnnotationPresent(PermitAll.class);
        // Credentials optional where the resource permits everyone: the empty requirement says "none".
        operation.security(
                open
                        ? List.of(OASFactory.createSecurityRequirement(), requirement("basic"), requirement("bearer"))
                        : List.of(requirement("basic"), requirement("bearer")));

        boolean hasPathParameters = false;
        boolean hasInput = false;
        boolean ifMatch = false;
        boolean ifMatchRequired = false;
        for (Parameter parameter : method.getParameters()) {
            org.eclipse.microprofile.openapi.models.parameters.Parameter described = parameter(parameter);
            if (described != null) {
                operation.addParameter(described);
                hasInput = true;
                hasPathParameters |=
                        described.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.PATH;
                if (EntityTags.IF_MATCH.equals(described.getName())) {
                    ifMatch = true;
                    ifMatchRequired = Boolean.TRUE.equals(described.getRequired());
                }
            } else if (isEntity(parameter)) {
                hasInput = true;
                operation.requestBody(requestBody(resource, method, parameter));
            }
        }
        boolean idempotent = verb == PathItem.HttpMethod.POST
                && IdempotentOperations.operation(
                                "POST", path.substring(root.length()).replaceAll("\\{[^}]+}", "1"))
                        .isPresent();
        if (idempotent) {
            // Said once, here, for every operation IdempotencyFilter answers (a method may read the header too).
            List.copyOf(Optional.ofNullable(operation.getParameters()).orElse(List.of())).stream()
                    .filter(p -> IdempotentOperations.HEADER.equals(p.getName()))
                    .forEach(operation::removeParameter);
            operation.addParameter(OASFactory.createParameter()
                    .name(IdempotentOperations.HEADER)
                    .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER)
                    .description(IdempotentOperations.DESCRIPTION)
                    .schema(OASFactory.createSchema()
                            .type(Schema.SchemaType.STRING)
                            .minLength(1)
                            .maxLength(IdempotentOperations.MAX_KEY_LENGTH)));
        }

        APIResponses responses = OASFactory.createAPIResponses();
        success(resource, method, verb, responses, idempotent);
        if (hasInput) {
            responses.addAPIResponse(
                    "400",
                    problem("The request is not understood or a value is invalid; `errors` names each field"
                            + " with its message, and nothing is changed."));
        }
        if (!open) {
            responses.addAPIResponse("401", problem("No credentials, or credentials that are not valid now."));
            responses.addAPIResponse("403", problem("The caller lacks the permission this needs."));
        }
        if (hasPathParameters) {
            responses.addAPIResponse("404", problem("There is no such thing, or it is not the caller's to see."));
        }
        if (verb != PathItem.HttpMethod.GET) {
            responses.addAPIResponse(
                    "409",
                    problem(
                            idempotent
                                    ? "The change conflicts with the current state, or the first request with this"
                                            + " Idempotency-Key is still being processed (then with Retry-After)."
                                    : "The change conflicts with the current state (the answer says how)."));
        }
        if (ifMatch) {
            responses.addAPIResponse(
                    "412",
                    answer("If-Match names a version that is no longer current: nothing is changed; the answer"
                                    + " carries the current version and its ETag.")
                            .content(content(Problem.MEDIA_TYPE, schemas.of(VersionProblem.class)))
                            .addHeader("ETag", header("The current version's entity tag.")));
        }
        if (ifMatchRequired) {
            responses.addAPIResponse("428", problem("If-Match is required here and was not sent."));
        }
        if (idempotent) {
            responses.addAPIResponse(
                    "422", problem("This Idempotency-Key was used before with another body, query or operation."));
        }
        for (APIResponse extra : method.getAnnotationsByType(APIResponse.class)) {
            String code = extra.responseCode();
            if (code.startsWith("4") || code.startsWith("5")) {
                responses.addAPIResponse(code, describedAnswer(resource, method, extra));
            }
        }
        responses.addAPIResponse("500", problem("Herald failed; the problem says no more than that."));
        operation.responses(responses);
        return operation;
    }

    private void success(
            Class<?> resource, Method method, PathItem.HttpMethod verb, APIResponses responses, boolean idempotent) {
        List<APIResponse> declared = Arrays.stream(method.getAnnotationsByType(APIResponse.class))
                .filter(response -> response.responseCode().startsWith("2")
                        || response.responseCode().startsWith("3"))
                .toList();
        if (!declared.isEmpty()) {
            for (APIResponse response : declared) {
                org.eclipse.microprofile.openapi.models.responses.APIResponse answer =
                        describedAnswer(resource, method, response);
                decorate(method, response.responseCode(), answer, idempotent);
                responses.addAPIResponse(response.responseCode(), answer);
            }
            return;
        }
        if (method.getReturnType() == Response.class) {
            undescribed.add(resource.getSimpleName() + "." + method.getName()
                    + ": answers a Response without saying what it holds (@APIResponse)");
            return;
        }
        if (method.getReturnType() == void.class) {
            responses.addAPIResponse("204", answer("Done; no content."));
            return;
        }
        org.eclipse.microprofile.openapi.models.responses.APIResponse answer = answer("The answer.");
        Content content = OASFactory.createContent();
        for (String mediaType : produces(resource, method)) {
            content.addMediaType(
                    mediaType, OASFactory.createMediaType().schema(schemas.of(method.getGenericReturnType())));
        }
        answer.content(content);
        decorate(method, "200", answer, idempotent);
        responses.addAPIResponse("200", answer);
    }

    private void decorate(
            Method method,
            String code,
            org.eclipse.microprofile.openapi.models.responses.APIResponse answer,
            boolean idempotent) {
        if (method.isAnnotationPresent(Tagged.class) && code.equals("200")) {
            answer.addHeader("ETag", header("The version of what is answered, for If-Match (\"7\")."));
        }
        if (code.equals("201")) {
            answer.addHeader("Location", header("The address of what was made."));
        }
        if (idempotent) {
            answer.addHeader(
                    IdempotentOperations.REPLAYED,
                    header("true when this is the kept answer of an earlier request with the same Idempotency-Key."));
        }
    }

    private org.eclipse.microprofile.openapi.models.responses.APIResponse describedAnswer(
            Class<?> resource, Method method, APIResponse declared) {
        org.eclipse.microprofile.openapi.models.responses.APIResponse answer =
                answer(declared.description().isEmpty() ? "The answer." : declared.description());
        if (declared.content().length == 0) {
            return answer;
        }
        Content content = OASFactory.createContent();
        for (org.eclipse.microprofile.openapi.annotations.media.Content declaredContent : declared.content()) {
            org.eclipse.microprofile.openapi.annotations.media.Schema schema = declaredContent.schema();
            Schema written;
            if (schema.implementation() != Void.class) {
                written = schemas.of(schema.implementation());
                if (schema.type() == SchemaType.ARRAY) {
                    written = OASFactory.createSchema()
                            .type(Schema.SchemaType.ARRAY)
                            .items(written);
                }
            } else if (schema.type() == SchemaType.STRING) {
                written = OASFactory.createSchema()
                        .type(Schema.SchemaType.STRING)
                        .format(schema.format().isEmpty() ? null : schema.format());
            } else {
                undescribed.add(resource.getSimpleName() + "." + method.getName() + ": an answer of "
                        + declared.responseCode() + " without a schema");
                continue;
            }
            if (!schema.description().isEmpty()) {
                written.description(schema.description());
            }
            String mediaType = declaredContent.mediaType().isEmpty()
                    ? produces(resource, method).get(0)
                    : declaredContent.mediaType();
            content.addMediaType(mediaType, OASFactory.createMediaType().schema(written));
        }
        return answer.content(content);
    }

    private org.eclipse.microprofile.openapi.models.parameters.Parameter parameter(Parameter parameter) {
        org.eclipse.microprofile.openapi.models.parameters.Parameter.In in;
        String name;
        if (parameter.isAnnotationPresent(PathParam.class)) {
            in = org.eclipse.microprofile.openapi.models.parameters.Parameter.In.PATH;
            name = parameter.getAnnotation(PathParam.class).value();
        } else if (parameter.isAnnotationPresent(QueryParam.class)) {
            in = org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY;
            name = parameter.getAnnotation(QueryParam.class).value();
        } else if (parameter.isAnnotationPresent(HeaderParam.class)) {
            in = org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER;
            name = parameter.getAnnotation(HeaderParam.class).value();
        } else {
            return null;
        }
        org.eclipse.microprofile.openapi.models.parameters.Parameter described =
                OASFactory.createParameter().name(name).in(in);
        Schema schema = schemas.of(parameter.getParameterizedType());
        org.eclipse.microprofile.openapi.annotations.parameters.Parameter hints =
                parameter.getAnnotation(org.eclipse.microprofile.openapi.annotations.parameters.Parameter.class);
        if (hints != null) {
            schema = Hints.apply(schema, hints.schema());
            if (!hints.description().isEmpty()) {
                described.description(hints.description());
            }
            if (!hints.example().isEmpty()) {
                described.example(hints.example());
            }
        }
        DefaultValue defaultValue = parameter.getAnnotation(DefaultValue.class);
        if (defaultValue != null) {
            schema.defaultValue(defaultValue.value());
        }
        if (in == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY) {
            switch (name) {
                case "page" -> {
                    schema.minimum(BigDecimal.ZERO)
                            .maximum(BigDecimal.valueOf(1_000_000))
                            .defaultValue(0);
                    describeOnce(described, PAGE_DESCRIPTION);
                }
                case "size" -> {
                    schema.minimum(BigDecimal.ONE)
                            .maximum(BigDecimal.valueOf(200))
                            .defaultValue(20);
                    describeOnce(described, SIZE_DESCRIPTION);
                }
                case "q" -> describeOnce(described, QUERY_DESCRIPTION);
                default -> {}
            }
        }
        if (EntityTags.IF_MATCH.equals(name)) {
            describeOnce(
                    described,
                    "The ETag of the version this change is made against (from GET), or *; a stale tag is 412.");
        }
        described.schema(schema);
        boolean required = in == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.PATH
                || (hints != null && hints.required());
        if (required) {
            described.required(true);
        }
        return described;
    }

    private static void describeOnce(
            org.eclipse.microprofile.openapi.models.parameters.Parameter parameter, String description) {
        if (parameter.getDescription() == null) {
            parameter.description(description);
        }
    }

    private static boolean isEntity(Parameter parameter) {
        return Arrays.stream(parameter.getAnnotations())
                .noneMatch(annotation -> annotation instanceof Context
                        || annotation instanceof BeanParam
                        || annotation instanceof FormParam
                        || annotation instanceof CookieParam
                        || annotation instanceof MatrixParam);
    }

    private RequestBody requestBody(Class<?> resource, Method method, Parameter parameter) {
        Content content = OASFactory.createContent();
        for (String mediaType : consumes(resource, method)) {
            content.addMediaType(
                    mediaType, OASFactory.createMediaType().schema(schemas.of(parameter.getParameterizedType())));
        }
        return OASFactory.createRequestBody().required(true).content(content);
    }

    private static List<String> produces(Class<?> resource, Method method) {
        Produces produces = Optional.ofNullable(method.getAnnotation(Produces.class))
                .orElse(resource.getAnnotation(Produces.class));
        return produces == null ? List.of(MediaType.APPLICATION_JSON) : List.of(produces.value());
    }

    private static List<String> consumes(Class<?> resource, Method method) {
        Consumes consumes = Optional.ofNullable(method.getAnnotation(Consumes.class))
                .orElse(resource.getAnnotation(Consumes.class));
        return consumes == null ? List.of(MediaType.APPLICATION_JSON) : List.of(consumes.value());
    }

    private org.eclipse.microprofile.openapi.models.responses.APIResponse problem(String description) {
        return answer(description).content(content(Problem.MEDIA_TYPE, schemas.of(Problem.class)));
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse answer(String description) {
        return OASFactory.createAPIResponse().description(description);
    }

    private static Content content(String mediaType, Schema schema) {
        return OASFactory.createContent()
                .addMediaType(mediaType, OASFactory.createMediaType().schema(schema));
    }

    private static Header header(String description) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING));
    }

    private static SecurityRequirement requirement(String scheme) {
        return OASFactory.createSecurityRequirement().addScheme(scheme);
    }

    /**
     * The operation's id, unique in the document: its resource's name and its method's
     * ({@code schedulesRunNow}), unless {@code @Operation} names one.
     */
    static String operationId(Class<?> resource, Method method, Operation annotation) {
        if (annotation != null && !annotation.operationId().isEmpty()) {
            return annotation.operationId();
        }
        String base = resource.getSimpleName().replaceFirst("Resource$", "");
        return Character.toLowerCase(base.charAt(0))
                + base.substring(1)
                + Character.toUpperCase(method.getName().charAt(0))
                + method.getName().substring(1);
    }

    private static PathItem.HttpMethod httpMethod(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return PathItem.HttpMethod.GET;
        }
        if (method.isAnnotationPresent(POST.class)) {
            return PathItem.HttpMethod.POST;
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return PathItem.HttpMethod.PUT;
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return PathItem.HttpMethod.DELETE;
        }
        return null;
    }

    /** The template of a path as OpenAPI writes it: {@code {id}} for {@code {id: [0-9]+}}, one slash between parts. */
    static String join(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            String trimmed = trim(part);
            if (!trimmed.isEmpty()) {
                path.append('/').append(trimmed);
            }
        }
        return path.toString().replaceAll("\\{\\s*([A-Za-z0-9_.-]+)\\s*:[^}]*}", "{$1}");
    }

    private static String trim(String part) {
        String trimmed = part.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
