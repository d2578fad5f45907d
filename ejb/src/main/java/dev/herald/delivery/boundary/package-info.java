/** Handing out the files that runs rendered: through a download link after sign-in, or to staff through the API. */
package dev.herald.delivery.boundary;
