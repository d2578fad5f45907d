package dev.herald.access.boundary;

import dev.herald.access.control.SignInCounters.Block;
import dev.herald.access.entity.AccountScope;
import dev.herald.access.entity.Permission;
import dev.herald.access.entity.Role;
import dev.herald.access.entity.UserAccount;
import dev.herald.platform.boundary.Versioned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user as staff see them: never the password hash. {@code manageable} says whether the caller may
 * change this user (see RoleDelegation); {@code partner} whether the user has only Collect Reports.
 * {@code locked} says that sign-in is blocked for this account from at least one address (the
 * addresses are in {@code blockedFrom}, {@code lockedUntil} is when the last of those blocks ends);
 * from anywhere else the account signs in as usual. {@code scopes}: the values of scope kinds the
 * account is limited to, by kind.
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
        List<String> blockedFrom,
        List<String> roles,
        List<String> permissions,
        boolean partner,
        boolean manageable,
        Instant lastLoginAt,
        Instant passwordChangedAt,
        Instant createdAt,
        Map<String, List<String>> scopes,
        long version)
        implements Versioned {

    /** {@code blocks}: the account's blocks in force, latest end first. */
    static UserView of(UserAccount user, List<Block> blocks, boolean manageable) {
        List<Permission> permissions = user.permissions().stream().sorted().toList();
        return new UserView(
                user.getId(),
                user.getUsername(),
                user.getDisplayName(),
                user.getEmail(),
                user.isEnabled(),
                user.isMustChangePassword(),
                !blocks.isEmpty(),
                blocks.isEmpty() ? null : blocks.get(0).until(),
                blocks.stream().map(Block::address).toList(),
                user.getRoles().stream().map(Role::getName).sorted().toList(),
                permissions.stream().map(Permission::name).toList(),
                !permissions.isEmpty() && permissions.stream().noneMatch(Permission::isStaff),
                manageable,
                user.getLastLoginAt(),
                user.getPasswordChangedAt(),
                user.getCreatedAt(),
                scopes(user),
                user.getVersion());
    }

    /** The account's scope values by kind, kinds and values sorted. */
    static Map<String, List<String>> scopes(UserAccount user) {
        Map<String, List<String>> byKind = new TreeMap<>();
        user.getScopes().stream()
                .sorted(Comparator.comparing(AccountScope::getKind).thenComparing(AccountScope::getValue))
                .forEach(scope -> byKind.computeIfAbsent(scope.getKind(), k -> new ArrayList<>())
                        .add(scope.getValue()));
        return byKind;
    }
}
