package dev.herald.platform.api;

import dev.herald.platform.boundary.ValidationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Query parameters are text that reaches the database (searches, filters): a value holding the NUL
 * character, which PostgreSQL text cannot hold, is refused on its parameter before it gets there,
 * as request bodies refuse it (see {@link BoundedJsonStream}).
 */
@Provider
@PreMatching
public class QueryParameterGuard implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        ValidationException.Builder problems = ValidationException.builder();
        for (Map.Entry<String, List<String>> parameter :
                request.getUriInfo().getQueryParameters().entrySet()) {
            if (parameter.getValue().stream().anyMatch(value -> value.indexOf('\u0000') >= 0)) {
                problems.add(parameter.getKey(), "A value cannot hold the NUL character.");
            }
        }
        if (!problems.isEmpty()) {
            request.abortWith(new ProblemMappers.Validation().toResponse(new ValidationException(problems.errors())));
        }
    }
}
