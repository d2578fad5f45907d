/** The audit log: who did what, when and from where. Entries are only ever added. */
package dev.herald.audit.entity;
