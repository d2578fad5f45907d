package dev.herald.access.api;

import dev.herald.access.boundary.AccountService;
import dev.herald.access.boundary.PasswordChange;
import dev.herald.access.entity.SecurityRoles;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the credentials in this request belong to, and their own password. */
@Tag(name = "Me", description = "Who the credentials in this request belong to, and their own password.")
@Path("me")
public class MeResource {

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @Inject
    AccountService account;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's user name, security roles and whether they must change their password")
    public MeDto me() {
        Set<String> roles = new TreeSet<>();
        SecurityRoles.ALL.stream().filter(security::isUserInRole).forEach(roles::add);
        return new MeDto(security.getUserPrincipal().getName(), roles, account.mustChangePassword());
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the caller's own password: currentPassword and newPassword (at least 12 characters)")
    @APIResponse(responseCode = "204", description = "The password is changed")
    public Response changePassword(PasswordChange change) {
        account.changePassword(change, request.getRemoteAddr());
        return Response.noContent().build();
    }
}
