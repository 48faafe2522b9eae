/**
 * Talking to an image registry, for the image and resolve-digest goals: image names, HTTP with its
 * TLS choices, auth challenges and tokens, credentials (settings.xml, environment, Docker config),
 * the retry budget, and masking of secrets in messages.
 */
package com.kitchencpq.paramkernel.plugin.registry;
