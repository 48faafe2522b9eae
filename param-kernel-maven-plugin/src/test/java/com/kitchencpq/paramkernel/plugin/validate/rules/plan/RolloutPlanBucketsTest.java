package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.service.metrics.HttpMetrics;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plan's bucket bounds are the service's: the bucket-bound hazards judge thresholds against
 * {@link RolloutPlan#latencyBuckets()}, and the service exports {@link HttpMetrics#BUCKETS} (the
 * plugin's tests compile the service's main sources, see the plugin pom). The plugin's main code
 * cannot refer to the service, so the list is written twice and compared here.
 */
class RolloutPlanBucketsTest {
  @Test
  void thePlansBucketsAreTheServicesBuckets() {
    List<Double> service = Arrays.stream(HttpMetrics.BUCKETS).boxed().toList();
    assertThat(RolloutPlan.PARAM_KERNEL.latencyBuckets()).containsExactlyElementsOf(service);
    assertThat(RolloutPlan.PARAM_KERNEL.largestBucket()).isEqualTo(10.0);
  }

  @Test
  void everyAbsoluteLatencyThresholdOfThePlanIsABound() {
    RolloutPlan plan = RolloutPlan.PARAM_KERNEL;
    assertThat(plan.isBucketBound(plan.latency().successBelow())).isTrue();
    assertThat(plan.isBucketBound(plan.latency().failureAbove())).isTrue();
  }
}
