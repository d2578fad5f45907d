package dev.herald.access.boundary;

/**
 * A password that staff set for someone: they tell it in person, Herald never mails it. Unless
 * {@code mustChangePassword} is false, the user must replace it at their next sign-in.
 */
public record PasswordInput(String password, Boolean mustChangePassword) {}
