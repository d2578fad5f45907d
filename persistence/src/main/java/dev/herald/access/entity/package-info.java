/**
 * Who may use Herald and what they may do: user accounts, roles made of permissions, and the API
 * tokens that let other systems act as a user. The names that the container sees as security roles
 * are in {@link dev.herald.access.entity.SecurityRoles}.
 */
package dev.herald.access.entity;
