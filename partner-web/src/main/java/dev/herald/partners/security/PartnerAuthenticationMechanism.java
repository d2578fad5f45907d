package dev.herald.partners.security;

import dev.herald.access.entity.SecurityRoles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The portal's authentication mechanism: a form login whose page calls
 * {@code SecurityContext.authenticate}. Jakarta Security keeps the caller in the portal's own session
 * ({@code @AutoApplySession}) and brings them back to the page they asked for, a download link say,
 * after signing in ({@code @LoginToContinue}).
 *
 * <p>It is a bean of this WAR rather than a {@code @CustomFormAuthenticationMechanismDefinition}:
 * a definition becomes a bean of the whole EAR and would collide with the console's mechanism. For
 * the same reason it asks its own identity store, not the {@code IdentityStoreHandler}: on Payara
 * 6 the handler is shared by the EAR's WARs and would also consult the console's store, letting
 * staff without Collect Reports into the portal.
 */
@ApplicationScoped
@SecurityHeaders
@AutoApplySession
@LoginToContinue(loginPage = "/login.xhtml", useForwardToLogin = false, errorPage = "")
@DeclareRoles(SecurityRoles.COLLECT_REPORTS)
public class PartnerAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    PartnerIdentityStore identityStore;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential == null) {
            return context.doNothing();
        }
        CredentialValidationResult result = identityStore.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID
                || !result.getCallerGroups().contains(SecurityRoles.COLLECT_REPORTS)) {
            // The login page shows why; the response is left alone for it to render.
            return AuthenticationStatus.SEND_FAILURE;
        }
        return context.notifyContainerAboutLogin(result);
    }
}
