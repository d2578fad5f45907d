package dev.herald.access.boundary;

/** A signed-in user replacing their own password. */
public record PasswordChange(String currentPassword, String newPassword) {}
