/** Scope kinds as the run engine and the boundaries use them: values, names, and recipients' scopes. */
package dev.herald.scopes.control;
