/**
 * What every goal shares: property names, the base Mojo, the names of the files the goals leave,
 * digest syntax, property durations, atomic writes and stale-output removal, the log port of the
 * plain-Java cores and the user-versus-environment error.
 */
package com.kitchencpq.paramkernel.plugin.core;
