package dev.herald.platform.api;

import dev.herald.platform.boundary.Versioned;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers {@code ETag} on the GET or PUT of a {@link Tagged} resource method whose answer is one
 * versioned thing (a schedule, a criteria set, a role, …), so that the resources keep returning their records and the OpenAPI document keeps their
 * schemas.
 */
@Provider
@Tagged
public class EntityTagFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (response.getStatus() == 200
                && (HttpMethod.GET.equals(method) || HttpMethod.PUT.equals(method))
                && response.getEntity() instanceof Versioned versioned
                && !response.getHeaders().containsKey("ETag")) {
            response.getHeaders().putSingle("ETag", EntityTags.of(versioned.version()));
        }
    }
}
