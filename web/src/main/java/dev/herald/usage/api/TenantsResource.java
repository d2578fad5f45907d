package dev.herald.usage.api;

import dev.herald.platform.boundary.Page;
import dev.herald.usage.boundary.TenantFilter;
import dev.herald.usage.boundary.TenantView;
import dev.herald.usage.boundary.UsageReportService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The service provider's tenants (Export Reports). */
@Tag(name = "Tenants", description = "The service provider's tenants (Export Reports).")
@Path("tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantsResource {

    @Inject
    UsageReportService usage;

    @GET
    @Operation(
            summary = "Tenants by name whose name contains q, with any of the given statuses, plans and regions; paged")
    public Page<TenantView> list(
            @QueryParam("q") String q,
            @QueryParam("status") List<String> status,
            @QueryParam("plan") List<String> plan,
            @QueryParam("region") List<String> region,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return usage.tenants(new TenantFilter(q, status, plan, region), page, size);
    }
}
