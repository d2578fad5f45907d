package dev.herald.access.security;

import dev.herald.access.boundary.Authentication;
import dev.herald.access.boundary.Channel;
import dev.herald.access.boundary.PasswordCredential;
import dev.herald.access.boundary.TokenCredential;
import dev.herald.access.entity.SecurityRoles;
import dev.herald.platform.control.BrowserProtection;
import dev.herald.platform.control.BrowserRedirect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Set;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * The one authentication mechanism of the console-and-API WAR, choosing by path.
 *
 * <ul>
 *   <li>{@code /api/…}: {@code Authorization: Basic} or {@code Bearer} on every request. No session
 *       is made or read, so a console session cookie can never authorise an API call (no CSRF through
 *       the API). Missing or wrong credentials on a protected path answer 401 with a problem body.
 *   <li>everything else (the console): the login page calls {@code SecurityContext.authenticate}; a
 *       valid staff user is kept in the session, which later requests re-use. A protected page
 *       without a session redirects to the login page, remembering where the user was going.
 * </ul>
 */
@ApplicationScoped
public class HeraldAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String LOGIN_PAGE = "/console/login.xhtml";
    private static final String API_PREFIX = "/api/";
    /** What a user whose password staff set may still reach, with a password or a token: who they are, and changing it. */
    private static final Set<String> OWN_ACCOUNT = Set.of("/api/v1/me", "/api/v1/me/password");

    private static final String REALM = "Basic realm=\"Herald API\", charset=\"UTF-8\"";

    /** This WAR's own store, asked directly: Payara shares the IdentityStoreHandler between the EAR's WARs. */
    @Inject
    StaffIdentityStore identityStore;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // The mechanism answers before any filter runs (401s, redirects to the login page): the
        // security headers go on first, so that those answers carry them too.
        BrowserProtection.protect(request, response, !path.startsWith(API_PREFIX) && BrowserProtection.isPage(path));
        try {
            return path.startsWith(API_PREFIX) ? api(request, response, context) : console(request, response, context);
        } catch (IOException e) {
            throw new AuthenticationException(e);
        }
    }

    private AuthenticationStatus api(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) throws IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return context.isProtected()
                    ? refuse(response, "Sign in with HTTP Basic or an API token (Authorization: Bearer …).")
                    : context.doNothing();
        }
        Credential credential = apiCredential(header.strip(), request.getRemoteAddr());
        if (credential == null) {
            return refuse(response, "The Authorization header is neither Basic nor Bearer.");
        }
        Authentication result = identityStore.check(credential);
        if (!result.isValid()) {
            return refuse(
                    response,
                    credential instanceof TokenCredential ? "The token was not accepted." : Authentication.REFUSED);
        }
        // A token is the owner's as much as a password is: until they have chosen their own password,
        // neither reaches more than the caller's own account.
        if (result.mustChangePassword()
                && !OWN_ACCOUNT.contains(request.getRequestURI()
                        .substring(request.getContextPath().length()))) {
            return forbid(
                    response,
                    "Your password was set by staff: choose your own first (PUT /api/v1/me/password with"
                            + " currentPassword and newPassword).");
        }
        return context.notifyContainerAboutLogin(StaffIdentityStore.toResult(result));
    }

    static Credential apiCredential(String header, String remoteAddress) {
        int space = header.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = header.substring(0, space);
        String value = header.substring(space + 1).strip();
        if ("Bearer".equalsIgnoreCase(scheme)) {
            return new TokenCredential(value, remoteAddress);
        }
        if ("Basic".equalsIgnoreCase(scheme)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            return new PasswordCredential(
                    decoded.substring(0, colon), decoded.substring(colon + 1), Channel.API, remoteAddress);
        }
        return null;
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", REALM);
        return problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail);
    }

    private static AuthenticationStatus forbid(HttpServletResponse response, String detail) throws IOException {
        return problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", detail);
    }

    private static AuthenticationStatus problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail.replace("\"", "'") + "\"}");
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus console(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) throws IOException {
        if (context.isAuthenticationRequest() && context.getAuthParameters().getCredential() != null) {
            return signIn(context);
        }
        Principal signedIn = request.getUserPrincipal();
        if (signedIn != null) {
            return resume(context, signedIn);
        }
        if (context.isProtected()) {
            redirectToLogin(request, response);
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.doNothing();
    }

    private AuthenticationStatus signIn(HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        CredentialValidationResult result = identityStore.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (!result.getCallerGroups().contains(SecurityRoles.STAFF)) {
            if (credential instanceof PasswordCredential password) {
                password.refuseHere();
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        context.setRegisterSession(result.getCallerPrincipal().getName(), result.getCallerGroups());
        return context.notifyContainerAboutLogin(result);
    }

    /** The same as Jakarta Security's auto-apply-session: the container kept the caller, with their groups, in the session. */
    private static AuthenticationStatus resume(HttpMessageContext context, Principal principal) {
        try {
            context.getHandler()
                    .handle(new Callback[] {new CallerPrincipalCallback(context.getClientSubject(), principal)});
        } catch (IOException | UnsupportedCallbackException e) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        return AuthenticationStatus.SUCCESS;
    }

    private static void redirectToLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target =
                request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null) {
            target += "?" + request.getQueryString();
        }
        String login = request.getContextPath() + LOGIN_PAGE + "?continue="
                + URLEncoder.encode(target, StandardCharsets.UTF_8);
        // The redirect is the whole answer: the policy for answers that are not Faces pages.
        response.setHeader("Content-Security-Policy", BrowserProtection.OTHER_POLICY);
        BrowserRedirect.send(request, response, login);
    }
}
