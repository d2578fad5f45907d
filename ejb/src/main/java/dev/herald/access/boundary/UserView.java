package dev.herald.access.boundary;

import dev.herald.access.entity.Permission;
import dev.herald.access.entity.Role;
import dev.herald.access.entity.UserAccount;
import java.time.Instant;
import java.util.List;

/**
 * A user as staff see them: never the password hash. {@code manageable} says whether the caller may
 * change this user (see RoleDelegation); {@code partner} whether the user has only Collect Reports.
 */
public record UserView(
        long id,
        String username,
        String displayName,
        String email,
        boolean enabled,
        boolean mustChangePassword,
        boolean locked,
        Instant lockedUntil,
        List<String> roles,
        List<String> permissions,
        boolean partner,
        boolean manageable,
        Instant lastLoginAt,
        Instant passwordChangedAt,
        Instant createdAt) {

    static UserView of(UserAccount user, Instant now, boolean manageable) {
        List<Permission> permissions = user.permissions().stream().sorted().toList();
        return new UserView(
                user.getId(),
                user.getUsername(),
                user.getDisplayName(),
                user.getEmail(),
                user.isEnabled(),
                user.isMustChangePassword(),
                user.isLockedAt(now),
                user.isLockedAt(now) ? user.getLockedUntil() : null,
                user.getRoles().stream().map(Role::getName).sorted().toList(),
                permissions.stream().map(Permission::name).toList(),
                !permissions.isEmpty() && permissions.stream().noneMatch(Permission::isStaff),
                manageable,
                user.getLastLoginAt(),
                user.getPasswordChangedAt(),
                user.getCreatedAt());
    }
}
