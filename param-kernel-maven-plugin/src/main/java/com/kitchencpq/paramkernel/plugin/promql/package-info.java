/**
 * A small reader of the PromQL in analysis metrics: enough of the grammar to tell a query's result
 * shape and the facts rules need (selectors, ranges, aggregations, function calls).
 */
package com.kitchencpq.paramkernel.plugin.promql;
