/** What every component's entities share: how instants are stored. */
package dev.herald.platform.entity;
