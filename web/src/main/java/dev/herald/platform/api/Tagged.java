package dev.herald.platform.api;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the GET and PUT of a resource that is guarded against lost updates: its answer carries
 * {@code ETag} ({@link EntityTagFilter}). Bound by name, so that another address answering the same
 * record (a user's password, say) does not claim that record's tag as its own.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Tagged {}
