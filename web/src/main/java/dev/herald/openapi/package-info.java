/**
 * The API's OpenAPI document, the contract other systems generate their clients from: written from
 * the resource classes and the Java types they take and answer, so that it cannot drift from them.
 */
package dev.herald.openapi;
