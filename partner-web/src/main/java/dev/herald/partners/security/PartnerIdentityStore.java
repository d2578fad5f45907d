package dev.herald.partners.security;

import dev.herald.access.boundary.Authentication;
import dev.herald.access.boundary.AuthenticationService;
import dev.herald.access.boundary.PasswordCredential;
import dev.herald.access.entity.SecurityRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** The portal's identity store: the same accounts as the console, but only those that may collect reports. */
@ApplicationScoped
public class PartnerIdentityStore implements IdentityStore {

    @Inject
    AuthenticationService authentication;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof PasswordCredential password)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Authentication result = authentication.authenticate(
                password.getCaller(), password.getPasswordAsString(), password.channel(), password.remoteAddress());
        if (!result.isValid()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        password.accepted(result);
        if (!result.groups().contains(SecurityRoles.COLLECT_REPORTS)) {
            password.refuseHere();
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(result.username(), result.groups());
    }
}
