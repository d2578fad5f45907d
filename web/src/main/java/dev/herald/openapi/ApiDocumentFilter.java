package dev.herald.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Named by {@code mp.openapi.filter} (META-INF/microprofile-config.properties): the server reads the
 * annotations, then this writes the paths and schemas from the resource classes (see {@link ApiContract}).
 */
public class ApiDocumentFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI document) {
        ApiContract.complete(document);
    }
}
