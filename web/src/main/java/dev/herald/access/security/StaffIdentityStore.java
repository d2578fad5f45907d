package dev.herald.access.security;

import dev.herald.access.boundary.Authentication;
import dev.herald.access.boundary.AuthenticationService;
import dev.herald.access.boundary.PasswordCredential;
import dev.herald.access.boundary.TokenCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * The database identity store of the console and the API: passwords and API tokens of every enabled
 * user. Whether a user may use the console (staff) is decided by the mechanism, since the API serves
 * partners too.
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    @Inject
    AuthenticationService authentication;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof PasswordCredential) && !(credential instanceof TokenCredential)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return toResult(check(credential));
    }

    /**
     * The whole answer, for the mechanism: beyond valid or invalid, whether the user must choose a
     * new password first (for a token as for a password). A password credential also carries it
     * back to the login page.
     */
    public Authentication check(Credential credential) {
        if (credential instanceof PasswordCredential password) {
            Authentication result = authentication.authenticate(
                    password.getCaller(), password.getPasswordAsString(), password.channel(), password.remoteAddress());
            if (result.isValid()) {
                password.accepted(result);
            }
            return result;
        }
        if (credential instanceof TokenCredential token) {
            return authentication.authenticateToken(token.secret(), token.remoteAddress());
        }
        return Authentication.invalid();
    }

    static CredentialValidationResult toResult(Authentication result) {
        return result.isValid()
                ? new CredentialValidationResult(result.username(), result.groups())
                : CredentialValidationResult.INVALID_RESULT;
    }
}
