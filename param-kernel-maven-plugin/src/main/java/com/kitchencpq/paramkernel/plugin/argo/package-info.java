/**
 * Facts about the Argo Rollouts releases the plugin checks against: which fields and which
 * expression engine each release has, read from the upstream tags. Plain Java, shared by every goal
 * that follows Argo's behaviour.
 */
package com.kitchencpq.paramkernel.plugin.argo;
