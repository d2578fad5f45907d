package dev.herald.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the OpenAPI document is written from: every resource, each operation named once. */
class ApiContractTest {

    @Test
    void everyResourceOfTheApiIsInTheDocument() throws Exception {
        java.nio.file.Path classes = java.nio.file.Path.of(ApiContract.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (type.isAnnotationPresent(Path.class)) {
                    resources.add(type);
                }
            }
        }
        assertThat(resources).hasSizeGreaterThan(10);
        assertThat(ApiContract.RESOURCES).containsExactlyInAnyOrderElementsOf(resources);
    }

    @Test
    void operationIdsAreUniqueAcrossTheApi() {
        Set<String> ids = new HashSet<>();
        for (Class<?> resource : ApiContract.RESOURCES) {
            for (Method method : resource.getMethods()) {
                if (method.isAnnotationPresent(jakarta.ws.rs.GET.class)
                        || method.isAnnotationPresent(jakarta.ws.rs.POST.class)
                        || method.isAnnotationPresent(jakarta.ws.rs.PUT.class)
                        || method.isAnnotationPresent(jakarta.ws.rs.DELETE.class)) {
                    String id = ApiContract.operationId(
                            resource,
                            method,
                            method.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class));
                    assertThat(ids.add(id)).as(id).isTrue();
                }
            }
        }
        assertThat(ids).contains("schedulesRunNow", "criteriaSetsUpdate", "healthHealth");
    }

    @Test
    void pathsAreJoinedWithOneSlashAndTemplatesWithoutTheirPatterns() {
        assertThat(ApiContract.join("/api/v1", "schedules/", "/{id}/run")).isEqualTo("/api/v1/schedules/{id}/run");
        assertThat(ApiContract.join("/api/v1", "schedules", "")).isEqualTo("/api/v1/schedules");
        assertThat(ApiContract.join("/api/v1", "runs", "{id: [0-9]+}")).isEqualTo("/api/v1/runs/{id}");
    }

    /** Each list's sort values in the document are exactly the fields its service sorts by, each both ways. */
    @Test
    void theSortValuesDocumentedAreTheOnesTaken() throws Exception {
        Map<Method, Set<String>> expected = Map.of(
                dev.herald.schedules.api.SchedulesResource.class.getMethod(
                        "search", String.class, String.class, Integer.class, Integer.class),
                bothWays(dev.herald.schedules.boundary.ScheduleSort.FIELDS.keySet()),
                dev.herald.schedules.api.SchedulesResource.class.getMethod(
                        "runs", long.class, String.class, String.class, Integer.class, Integer.class),
                bothWays(dev.herald.runs.boundary.RunQuery.Sort.FIELDS.keySet()),
                dev.herald.runs.api.RunsResource.class.getMethod(
                        "list", Long.class, String.class, String.class, Integer.class, Integer.class),
                bothWays(dev.herald.runs.boundary.RunQuery.Sort.FIELDS.keySet()));
        int found = 0;
        for (Class<?> resource : ApiContract.RESOURCES) {
            for (Method method : resource.getMethods()) {
                for (java.lang.reflect.Parameter parameter : method.getParameters()) {
                    jakarta.ws.rs.QueryParam query = parameter.getAnnotation(jakarta.ws.rs.QueryParam.class);
                    if (query == null || !query.value().equals("sort")) {
                        continue;
                    }
                    found++;
                    assertThat(expected).as(method.toString()).containsKey(method);
                    assertThat(Set.of(parameter
                                    .getAnnotation(
                                            org.eclipse.microprofile.openapi.annotations.parameters.Parameter.class)
                                    .schema()
                                    .enumeration()))
                            .as(method.toString())
                            .isEqualTo(expected.get(method));
                }
            }
        }
        assertThat(found).isEqualTo(expected.size());
    }

    private static Set<String> bothWays(Set<String> fields) {
        Set<String> values = new HashSet<>(fields);
        fields.forEach(field -> values.add("-" + field));
        return values;
    }
}
