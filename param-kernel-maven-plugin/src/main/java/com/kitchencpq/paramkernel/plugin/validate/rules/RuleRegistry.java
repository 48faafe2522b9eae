package com.kitchencpq.paramkernel.plugin.validate.rules;

import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.rules.analysis.ArgConflictRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.analysis.ArgUnresolvedRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.analysis.ArgValueAndValuefromRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.analysis.DuplicateMetricRuleRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.analysis.MetricNameClashRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.analysis.RunsIndefinitelyRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.analysis.TemplateMissingRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.analysis.UndeclaredArgTagRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.analysis.UnusedArgRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.bluegreen.ScaleDownRevisionLimitRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.AnalysisFieldRefRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.ExperimentWeightRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.HeaderRouteRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.ManagedRoutesRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.MaxTrafficWeightRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.MirrorRouteRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.PauseDurationRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.PingPongRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.ScaleDownOptionsRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.SetCanaryScaleRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.SetweightRangeRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.StepKindRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.SurgeUnavailableRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.TrafficRoutingServicesRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.condition.ExprVersionRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.condition.NotBooleanRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.condition.ResultShapeRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.condition.TypeMismatchRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.condition.UnknownNameRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.document.IdentityRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.AllMetricsDryRunRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.AnalysisHashSidesRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.AnalysisNoCanarySelectorRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.AnalysisWrongServiceRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.ConditionDefaultPassesRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.ConstantConditionRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.DenominatorFallbackRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.EmptyResultErrorRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.EmptySuccessRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.ErrorRatioEmptyNumeratorRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.FailureLimitDisabledRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.HistogramMissingLeRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.HistogramThresholdBetweenBucketsRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.HistogramThresholdCappedRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.InconclusiveLimitUnreachableRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.MonitorNamespaceExcludedRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.MonitorNoTargetRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.MonitorPortUnknownRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.NanSuccessRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.NilGuardRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.QueryCountsProbesRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.QueryFallbackPassesRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.QueryUnquotedArgRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.RateWindowTooShortRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.SingleMeasurementFailureLimitRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.StableServiceScaledToZeroRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.UnaggregatedVectorRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.UnguardedIndexRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.WindowOverlapRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.metric.DuplicateNameRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.metric.IntegerFieldsRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.metric.IntervalRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.metric.LimitsRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.metric.NeverFailsRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.metric.NoneRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.metric.ProviderRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.metric.RuleMatchesMetricRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.AnalysisTemplateRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.CanaryStepsRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.ErrorRateMetricRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.ImageRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.LatencyMetricRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.LatencyRatioArgsRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.LatencyRatioMetricRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.LatencyRatioSidesRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.MetricLimitsRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.ReplicasRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.RolloutRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.ServicesRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.UnreplacedPlaceholderRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.pod.ActiveDeadlineRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.pod.ContainerImageRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.pod.ContainerNameRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.pod.ContainerPortsRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.pod.ContainersRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.pod.EnvRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.pod.ImagePinnedRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.pod.LabelSyntaxRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.pod.RestartPolicyRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.provider.DatadogRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.provider.PrometheusRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.provider.WebRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.ref.AmbassadorMappingRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.ref.DuplicateDefinitionRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.ref.IngressRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.ref.ServiceMissingRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.ref.ServiceSelectorRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.ref.VirtualServiceRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.rollout.AntiAffinityRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.rollout.NonNegativeRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.rollout.ProgressDeadlineRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.rollout.SelectorMatchesLabelsRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.rollout.SelectorRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.rollout.StrategyRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.rollout.WorkloadRefTemplateRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.schema.QuantityRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.schema.RequiredRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.schema.TypeRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.schema.UnknownFieldRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.yaml.DuplicateKeyRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.yaml.UnquotedTemplateRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Every validation rule, in one list. Ids are dotted and lower-case, {@code <prefix>.<what>}, and
 * never change once released. A new rule is a small class in the package named after the id's
 * prefix, named after the rest of the id in CamelCase plus {@code Rule} ({@code
 * canary.setweight-range} is {@code canary.SetweightRangeRule}), and one line here. Rule classes of
 * two prefixes may share a simple name; those are written out in full below.
 */
public final class RuleRegistry {
  private RuleRegistry() {}

  public static List<Rule> all() {
    List<Rule> rules =
        new ArrayList<>(
            List.of(
                // yaml, document, schema: YAML and field types; plan.unreplaced-placeholder
                new com.kitchencpq.paramkernel.plugin.validate.rules.yaml.SyntaxRule(),
                new DuplicateKeyRule(),
                new UnquotedTemplateRule(),
                new IdentityRule(),
                new UnknownFieldRule(),
                new TypeRule(),
                new RequiredRule(),
                new QuantityRule(),
                new UnreplacedPlaceholderRule(),
                // pod template
                new ContainersRule(),
                new ContainerNameRule(),
                new ContainerImageRule(),
                new ContainerPortsRule(),
                new EnvRule(),
                new RestartPolicyRule(),
                new ActiveDeadlineRule(),
                new LabelSyntaxRule(),
                new ImagePinnedRule(),
                // rollout spec and strategy, bluegreen
                new NonNegativeRule(),
                new ProgressDeadlineRule(),
                new SelectorRule(),
                new SelectorMatchesLabelsRule(),
                new WorkloadRefTemplateRule(),
                new StrategyRule(),
                new AntiAffinityRule(),
                new com.kitchencpq.paramkernel.plugin.validate.rules.bluegreen
                    .ServicesDistinctRule(),
                new ScaleDownRevisionLimitRule(),
                // canary
                new SurgeUnavailableRule(),
                new com.kitchencpq.paramkernel.plugin.validate.rules.canary.ServicesDistinctRule(),
                new PingPongRule(),
                new TrafficRoutingServicesRule(),
                new ScaleDownOptionsRule(),
                new MaxTrafficWeightRule(),
                new StepKindRule(),
                new SetweightRangeRule(),
                new PauseDurationRule(),
                new SetCanaryScaleRule(),
                new HeaderRouteRule(),
                new MirrorRouteRule(),
                new ManagedRoutesRule(),
                new ExperimentWeightRule(),
                new AnalysisFieldRefRule(),
                // references between objects
                new ServiceMissingRule(),
                new ServiceSelectorRule(),
                new IngressRule(),
                new VirtualServiceRule(),
                new AmbassadorMappingRule(),
                new DuplicateDefinitionRule(),
                // rollout -> analysis templates
                new TemplateMissingRule(),
                new MetricNameClashRule(),
                new ArgConflictRule(),
                new ArgUnresolvedRule(),
                new UnusedArgRule(),
                new DuplicateMetricRuleRule(),
                new RunsIndefinitelyRule(),
                new ArgValueAndValuefromRule(),
                new UndeclaredArgTagRule(),
                // metric, provider
                new NoneRule(),
                new DuplicateNameRule(),
                new LimitsRule(),
                new IntegerFieldsRule(),
                new IntervalRule(),
                new ProviderRule(),
                new RuleMatchesMetricRule(),
                new NeverFailsRule(),
                new PrometheusRule(),
                new WebRule(),
                new DatadogRule(),
                // conditions (layer 3): expression syntax, names, types, result shape
                new com.kitchencpq.paramkernel.plugin.validate.rules.condition.SyntaxRule(),
                new UnknownNameRule(),
                new NotBooleanRule(),
                new ResultShapeRule(),
                new TypeMismatchRule(),
                new ExprVersionRule(),
                // hazards (layer 3): no data, metrics that cannot fail, histograms, PromQL
                new UnguardedIndexRule(),
                new NanSuccessRule(),
                new EmptySuccessRule(),
                new NilGuardRule(),
                new SingleMeasurementFailureLimitRule(),
                new FailureLimitDisabledRule(),
                new InconclusiveLimitUnreachableRule(),
                new ConstantConditionRule(),
                new HistogramThresholdBetweenBucketsRule(),
                new HistogramThresholdCappedRule(),
                new HistogramMissingLeRule(),
                new ErrorRatioEmptyNumeratorRule(),
                new UnaggregatedVectorRule(),
                new QueryUnquotedArgRule(),
                new StableServiceScaledToZeroRule(),
                // issue 13: gates that pass (or abort) on no evidence
                new QueryFallbackPassesRule(),
                new DenominatorFallbackRule(),
                new ConditionDefaultPassesRule(),
                new AnalysisWrongServiceRule(),
                new AnalysisNoCanarySelectorRule(),
                new AnalysisHashSidesRule(),
                new QueryCountsProbesRule(),
                new RateWindowTooShortRule(),
                new WindowOverlapRule(),
                new MonitorNoTargetRule(),
                new MonitorNamespaceExcludedRule(),
                new MonitorPortUnknownRule(),
                new EmptyResultErrorRule(),
                new AllMetricsDryRunRule(),
                // the param-kernel rollout plan (layer 3, only with plan checks on)
                new RolloutRule(),
                new CanaryStepsRule(),
                new AnalysisTemplateRule(),
                new ServicesRule(),
                new ReplicasRule(),
                new ErrorRateMetricRule(),
                new LatencyMetricRule(),
                new LatencyRatioMetricRule(),
                new LatencyRatioSidesRule(),
                new LatencyRatioArgsRule(),
                new MetricLimitsRule(),
                new ImageRule()));
    return List.copyOf(rules);
  }
}
