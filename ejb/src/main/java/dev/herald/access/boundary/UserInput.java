package dev.herald.access.boundary;

import java.util.List;

/**
 * A user to create or the new state of one. {@code password} is read only when creating; a user name
 * cannot be changed later. Missing {@code enabled} means enabled, missing {@code mustChangePassword}
 * means the user chooses their own password at first sign-in.
 */
public record UserInput(
        String username,
        String displayName,
        String email,
        String password,
        Boolean enabled,
        Boolean mustChangePassword,
        List<String> roles) {}
