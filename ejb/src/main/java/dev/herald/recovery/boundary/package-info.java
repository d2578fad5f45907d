/**
 * Recovering an account without staff: a partner who forgot their password asks for a one-time link
 * by e-mail and chooses a new password with it. A component of its own because it joins the accounts
 * (access) to Herald's e-mail (mail), which already knows the accounts.
 */
package dev.herald.recovery.boundary;
