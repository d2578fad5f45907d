package dev.herald.settings.api;

import dev.herald.mail.boundary.MailServerService;
import dev.herald.mail.boundary.MailServerView;
import dev.herald.mail.boundary.TestMailResult;
import dev.herald.platform.api.EntityTags;
import dev.herald.platform.api.Tagged;
import dev.herald.runs.boundary.HousekeepingService;
import dev.herald.runs.boundary.HousekeepingView;
import dev.herald.settings.boundary.OrganisationView;
import dev.herald.settings.boundary.SettingsService;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organisation's settings: any staff member reads them, Manage Settings changes them. */
@Tag(
        name = "Settings",
        description = "The organisation's settings: any staff member reads them, Manage Settings changes them.")
@Path("settings")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    @Inject
    SettingsService settings;

    @Inject
    HousekeepingService housekeeping;

    @Inject
    MailServerService mailServer;

    @Context
    HttpServletRequest request;

    @Tagged
    @GET
    @Operation(
            summary = "Client name, time zone, sender address, attachment limit, link lifetime, file retention and"
                    + " run-history retention")
    public OrganisationView get() {
        return settings.organisationForStaff();
    }

    @Tagged
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change the settings; 400 names every invalid field. If-Match (the ETag of GET) is honoured when"
                    + " sent: 412 with the current version when stale")
    public OrganisationView update(@HeaderParam(EntityTags.IF_MATCH) String ifMatch, OrganisationView input) {
        return settings.update(input, EntityTags.ifMatch(ifMatch), request.getRemoteAddr());
    }

    @GET
    @Path("housekeeping")
    @Operation(
            summary = "What housekeeping keeps how long (files, on-demand files, run history), when it last looked,"
                    + " and what its last purge removed")
    public HousekeepingView housekeeping() {
        return housekeeping.state();
    }

    @GET
    @Path("mail")
    @Operation(
            summary = "The mail server in use (host, port, TLS, user, sender; never the password) and how mail is"
                    + " doing: last success and failure, failures in a row, the open incident, what waits")
    public MailServerView mail() {
        return mailServer.server();
    }

    /** What a test e-mail is sent to. */
    public record TestMailInput(String to) {}

    @POST
    @Path("mail/test")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Send a test e-mail now to the address given; answers whether the mail server accepted it"
                    + " and, if not, why (400 when the address is not one)")
    public TestMailResult testMail(TestMailInput input) {
        return mailServer.sendTest(input == null ? null : input.to());
    }
}
