package com.kitchencpq.paramkernel.plugin.validate.rules;

import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.rules.analysis.ArgConflictRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.analysis.ArgUnresolvedRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.analysis.DuplicateMetricRuleRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.analysis.MetricNameClashRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.analysis.RunsIndefinitelyRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.analysis.TemplateArgsRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.analysis.TemplateMissingRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.analysis.UndeclaredArgTagRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.analysis.UnusedArgRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.AnalysisFieldRefRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.CanaryServicesRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.ExperimentWeightRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.HeaderRouteRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.ManagedRoutesRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.MaxTrafficWeightRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.MirrorRouteRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.PauseDurationRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.PingPongRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.ScaleDownOptionsRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.SetCanaryScaleRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.SetWeightRangeRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.StepKindRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.SurgeUnavailableRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.canary.TrafficRoutingServicesRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.condition.ConditionSyntaxRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.condition.NotBooleanRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.condition.ResultShapeRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.condition.TypeMismatchRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.condition.UnknownNameRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.ConstantConditionRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.EmptySuccessRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.ErrorRatioRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.FailureLimitDisabledRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.HistogramBucketRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.HistogramCapRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.HistogramLeRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.InconclusiveLimitRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.NanSuccessRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.NilGuardRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.QueryUnquotedArgRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.SingleMeasurementRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.UnaggregatedVectorRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.hazard.UnguardedIndexRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.metric.DatadogProviderRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.metric.DuplicateMetricNameRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.metric.IntegerFieldsRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.metric.IntervalRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.metric.MetricLimitsRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.metric.MetricNameRulesMatchRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.metric.MetricsPresentRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.metric.NeverFailsRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.metric.PrometheusProviderRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.metric.ProviderCountRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.metric.WebProviderRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.PlanAnalysisRefRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.PlanErrorRateRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.PlanImageRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.PlanLatencyRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.PlanMetricLimitsRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.PlanReplicasRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.PlanRolloutRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.PlanServicesRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.PlanStepsRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.pod.ActiveDeadlineRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.pod.ContainerImageRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.pod.ContainerNameRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.pod.ContainerPortsRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.pod.ContainersRequiredRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.pod.EnvVarRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.pod.ImagePinnedRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.pod.LabelSyntaxRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.pod.RestartPolicyRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.refs.AmbassadorMappingRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.refs.DuplicateDefinitionRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.refs.IngressRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.refs.ServiceMissingRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.refs.ServiceSelectorRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.refs.VirtualServiceRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.rollout.AntiAffinityRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.rollout.BlueGreenScaleDownLimitRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.rollout.BlueGreenServicesRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.rollout.NonNegativeFieldsRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.rollout.ProgressDeadlineRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.rollout.SelectorMatchesTemplateRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.rollout.SelectorRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.rollout.StrategyRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.rollout.WorkloadRefTemplateRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.structure.DocumentIdentityRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.structure.DuplicateKeyRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.structure.SchemaIssueRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.structure.UnquotedTemplateTagRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.structure.UnreplacedPlaceholderRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Every validation rule, in one list. A new rule is a small class in one of the packages below
 * this one ({@code structure}, {@code pod}, {@code rollout}, {@code canary}, {@code refs},
 * {@code analysis}, {@code metric}) and one line here. Ids are dotted and lower-case,
 * {@code <area>.<what>}, and never change once released.
 */
public final class RuleRegistry {
  private RuleRegistry() {}

  public static List<Rule> all() {
    List<Rule> rules = new ArrayList<>(List.of(
        // structure: YAML and field types
        new YamlSyntaxRule(),
        new DuplicateKeyRule(),
        new UnquotedTemplateTagRule(),
        new DocumentIdentityRule(),
        SchemaIssueRule.unknownField(),
        SchemaIssueRule.type(),
        SchemaIssueRule.required(),
        SchemaIssueRule.quantity(),
        new UnreplacedPlaceholderRule(),
        // pod template
        new ContainersRequiredRule(),
        new ContainerNameRule(),
        new ContainerImageRule(),
        new ContainerPortsRule(),
        new EnvVarRule(),
        new RestartPolicyRule(),
        new ActiveDeadlineRule(),
        new LabelSyntaxRule(),
        new ImagePinnedRule(),
        // rollout spec and strategy
        new NonNegativeFieldsRule(),
        new ProgressDeadlineRule(),
        new SelectorRule(),
        new SelectorMatchesTemplateRule(),
        new WorkloadRefTemplateRule(),
        new StrategyRule(),
        new AntiAffinityRule(),
        new BlueGreenServicesRule(),
        new BlueGreenScaleDownLimitRule(),
        // canary
        new SurgeUnavailableRule(),
        new CanaryServicesRule(),
        new PingPongRule(),
        new TrafficRoutingServicesRule(),
        new ScaleDownOptionsRule(),
        new MaxTrafficWeightRule(),
        new StepKindRule(),
        new SetWeightRangeRule(),
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
        new TemplateArgsRule(),
        new UndeclaredArgTagRule(),
        // metrics and providers
        new MetricsPresentRule(),
        new DuplicateMetricNameRule(),
        new MetricLimitsRule(),
        new IntegerFieldsRule(),
        new IntervalRule(),
        new ProviderCountRule(),
        new MetricNameRulesMatchRule(),
        new NeverFailsRule(),
        new PrometheusProviderRule(),
        new WebProviderRule(),
        new DatadogProviderRule(),
        // conditions (layer 3): expression syntax, names, types, result shape
        new ConditionSyntaxRule(),
        new UnknownNameRule(),
        new NotBooleanRule(),
        new ResultShapeRule(),
        new TypeMismatchRule(),
        // hazards (layer 3): no data, metrics that cannot fail, histograms, PromQL
        new UnguardedIndexRule(),
        new NanSuccessRule(),
        new EmptySuccessRule(),
        new NilGuardRule(),
        new SingleMeasurementRule(),
        new FailureLimitDisabledRule(),
        new InconclusiveLimitRule(),
        new ConstantConditionRule(),
        new HistogramBucketRule(),
        new HistogramCapRule(),
        new HistogramLeRule(),
        new ErrorRatioRule(),
        new UnaggregatedVectorRule(),
        new QueryUnquotedArgRule(),
        // the param-kernel rollout plan (layer 3, only with plan checks on)
        new PlanRolloutRule(),
        new PlanStepsRule(),
        new PlanAnalysisRefRule(),
        new PlanServicesRule(),
        new PlanReplicasRule(),
        new PlanErrorRateRule(),
        new PlanLatencyRule(),
        new PlanMetricLimitsRule(),
        new PlanImageRule()));
    return List.copyOf(rules);
  }
}

