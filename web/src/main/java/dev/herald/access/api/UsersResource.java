package dev.herald.access.api;

import dev.herald.access.boundary.PasswordInput;
import dev.herald.access.boundary.UserInput;
import dev.herald.access.boundary.UserService;
import dev.herald.access.boundary.UserView;
import dev.herald.platform.api.EntityTags;
import dev.herald.platform.api.Tagged;
import dev.herald.platform.boundary.Page;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Users, for holders of Manage Users. Changing a user also needs the right to assign every role that
 * user holds; the answer says so when it is missing (403).
 */
@Tag(
        name = "Users",
        description =
                "Users, for holders of Manage Users. Changing a user also needs the right to assign every role that user holds; the answer says so when it is missing (403).")
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    UserService users;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(
            summary =
                    "Users by user name whose user name, display name or e-mail contains q; enabled=true|false filters")
    public Page<UserView> search(
            @QueryParam("q") String q,
            @QueryParam("enabled") Boolean enabled,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return users.search(q, enabled, page, size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user with a password staff tell in person; they change it at first sign-in")
    @APIResponse(
            responseCode = "201",
            description = "The user made",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    public Response create(UserInput input, @Context UriInfo uri) {
        return created(users.create(input, request.getRemoteAddr()), uri, "");
    }

    @POST
    @Path("partners")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an outside partner: Collect Reports only, e-mail address required")
    @APIResponse(
            responseCode = "201",
            description = "The partner account made",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    public Response createPartner(UserInput input, @Context UriInfo uri) {
        return created(users.createPartner(input, request.getRemoteAddr()), uri, "..");
    }

    @GET
    @Path("assignable-roles")
    @Operation(summary = "The names of the roles the caller may give to users")
    public Set<String> assignableRoles() {
        return users.assignableRoles();
    }

    @Tagged
    @GET
    @Path("{id}")
    @Operation(summary = "One user")
    public UserView get(@PathParam("id") long id) {
        return users.get(id);
    }

    @Tagged
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change display name, e-mail, enabled, must-change-password and roles")
    public UserView update(
            @PathParam("id") long id, @HeaderParam(EntityTags.IF_MATCH) String ifMatch, UserInput input) {
        return users.update(id, input, EntityTags.ifMatch(ifMatch), request.getRemoteAddr());
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "Let the user sign in again")
    public UserView enable(@PathParam("id") long id) {
        return users.setEnabled(id, true, request.getRemoteAddr());
    }

    @POST
    @Path("{id}/disable")
    @Operation(
            summary = "Stop the user signing in and their API tokens working; refused for the last Super Administrator")
    public UserView disable(@PathParam("id") long id) {
        return users.setEnabled(id, false, request.getRemoteAddr());
    }

    @POST
    @Path("{id}/unlock")
    @Operation(summary = "Lift a lock-out after failed sign-ins")
    public UserView unlock(@PathParam("id") long id) {
        return users.unlock(id, request.getRemoteAddr());
    }

    @PUT
    @Path("{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Set the user's password (never mailed); they must change it at next sign-in unless told otherwise")
    public UserView setPassword(@PathParam("id") long id, PasswordInput input) {
        return users.setPassword(id, input, request.getRemoteAddr());
    }

    @GET
    @Path("{id}/scopes")
    @Operation(summary = "The scope values the user is limited to, by kind")
    public Map<String, List<String>> scopes(@PathParam("id") long id) {
        return users.scopes(id);
    }

    @PUT
    @Path("{id}/scopes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Limit the user to these scope values, by kind ({\"promoter\": [\"3\"]}), replacing what they"
                    + " held; {} removes every limit")
    public UserView setScopes(@PathParam("id") long id, Map<String, List<String>> scopes) {
        return users.setScopes(id, scopes, request.getRemoteAddr());
    }

    private static Response created(UserView user, UriInfo uri, String up) {
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(up)
                        .path(String.valueOf(user.id()))
                        .build()
                        .normalize())
                .entity(user)
                .build();
    }
}
