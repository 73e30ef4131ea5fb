/**
 * Real-world types corpus: GitHub webhook payloads, typed by @octokit/webhooks-types.
 *
 * One model per event of `EventPayloadMap` (66 events), each with a single field typed by
 * the event's payload type (itself a union over the event's actions), and one model whose field is
 * `WebhookEvent`, the union of every event. Samples: the payloads of @octokit/webhooks-examples.
 */
import { Model, model } from 'tydantic';
import type {
  BranchProtectionConfigurationEvent,
  BranchProtectionRuleEvent,
  CheckRunEvent,
  CheckSuiteEvent,
  CodeScanningAlertEvent,
  CommitCommentEvent,
  CreateEvent,
  CustomPropertyEvent,
  CustomPropertyValuesEvent,
  DeleteEvent,
  DependabotAlertEvent,
  DeployKeyEvent,
  DeploymentEvent,
  DeploymentProtectionRuleEvent,
  DeploymentReviewEvent,
  DeploymentStatusEvent,
  DiscussionEvent,
  DiscussionCommentEvent,
  ForkEvent,
  GithubAppAuthorizationEvent,
  GollumEvent,
  InstallationEvent,
  InstallationRepositoriesEvent,
  InstallationTargetEvent,
  IssueCommentEvent,
  IssuesEvent,
  LabelEvent,
  MarketplacePurchaseEvent,
  MemberEvent,
  MembershipEvent,
  MergeGroupEvent,
  MetaEvent,
  MilestoneEvent,
  OrgBlockEvent,
  OrganizationEvent,
  PackageEvent,
  PageBuildEvent,
  PingEvent,
  ProjectEvent,
  ProjectCardEvent,
  ProjectColumnEvent,
  ProjectsV2ItemEvent,
  PublicEvent,
  PullRequestEvent,
  PullRequestReviewEvent,
  PullRequestReviewCommentEvent,
  PullRequestReviewThreadEvent,
  PushEvent,
  RegistryPackageEvent,
  ReleaseEvent,
  RepositoryEvent,
  RepositoryDispatchEvent,
  RepositoryImportEvent,
  RepositoryVulnerabilityAlertEvent,
  SecretScanningAlertEvent,
  SecretScanningAlertLocationEvent,
  SecurityAdvisoryEvent,
  SponsorshipEvent,
  StarEvent,
  StatusEvent,
  TeamEvent,
  TeamAddEvent,
  WatchEvent,
  WorkflowDispatchEvent,
  WorkflowJobEvent,
  WorkflowRunEvent,
  WebhookEvent,
} from '@octokit/webhooks-types';

/** A `branch_protection_configuration` webhook delivery. */
@model()
export class BranchProtectionConfigurationPayload extends Model {
  payload!: BranchProtectionConfigurationEvent;
}

/** A `branch_protection_rule` webhook delivery. */
@model()
export class BranchProtectionRulePayload extends Model {
  payload!: BranchProtectionRuleEvent;
}

/** A `check_run` webhook delivery. */
@model()
export class CheckRunPayload extends Model {
  payload!: CheckRunEvent;
}

/** A `check_suite` webhook delivery. */
@model()
export class CheckSuitePayload extends Model {
  payload!: CheckSuiteEvent;
}

/** A `code_scanning_alert` webhook delivery. */
@model()
export class CodeScanningAlertPayload extends Model {
  payload!: CodeScanningAlertEvent;
}

/** A `commit_comment` webhook delivery. */
@model()
export class CommitCommentPayload extends Model {
  payload!: CommitCommentEvent;
}

/** A `create` webhook delivery. */
@model()
export class CreatePayload extends Model {
  payload!: CreateEvent;
}

/** A `custom_property` webhook delivery. */
@model()
export class CustomPropertyPayload extends Model {
  payload!: CustomPropertyEvent;
}

/** A `custom_property_values` webhook delivery. */
@model()
export class CustomPropertyValuesPayload extends Model {
  payload!: CustomPropertyValuesEvent;
}

/** A `delete` webhook delivery. */
@model()
export class DeletePayload extends Model {
  payload!: DeleteEvent;
}

/** A `dependabot_alert` webhook delivery. */
@model()
export class DependabotAlertPayload extends Model {
  payload!: DependabotAlertEvent;
}

/** A `deploy_key` webhook delivery. */
@model()
export class DeployKeyPayload extends Model {
  payload!: DeployKeyEvent;
}

/** A `deployment` webhook delivery. */
@model()
export class DeploymentPayload extends Model {
  payload!: DeploymentEvent;
}

/** A `deployment_protection_rule` webhook delivery. */
@model()
export class DeploymentProtectionRulePayload extends Model {
  payload!: DeploymentProtectionRuleEvent;
}

/** A `deployment_review` webhook delivery. */
@model()
export class DeploymentReviewPayload extends Model {
  payload!: DeploymentReviewEvent;
}

/** A `deployment_status` webhook delivery. */
@model()
export class DeploymentStatusPayload extends Model {
  payload!: DeploymentStatusEvent;
}

/** A `discussion` webhook delivery. */
@model()
export class DiscussionPayload extends Model {
  payload!: DiscussionEvent;
}

/** A `discussion_comment` webhook delivery. */
@model()
export class DiscussionCommentPayload extends Model {
  payload!: DiscussionCommentEvent;
}

/** A `fork` webhook delivery. */
@model()
export class ForkPayload extends Model {
  payload!: ForkEvent;
}

/** A `github_app_authorization` webhook delivery. */
@model()
export class GithubAppAuthorizationPayload extends Model {
  payload!: GithubAppAuthorizationEvent;
}

/** A `gollum` webhook delivery. */
@model()
export class GollumPayload extends Model {
  payload!: GollumEvent;
}

/** A `installation` webhook delivery. */
@model()
export class InstallationPayload extends Model {
  payload!: InstallationEvent;
}

/** A `installation_repositories` webhook delivery. */
@model()
export class InstallationRepositoriesPayload extends Model {
  payload!: InstallationRepositoriesEvent;
}

/** A `installation_target` webhook delivery. */
@model()
export class InstallationTargetPayload extends Model {
  payload!: InstallationTargetEvent;
}

/** A `issue_comment` webhook delivery. */
@model()
export class IssueCommentPayload extends Model {
  payload!: IssueCommentEvent;
}

/** A `issues` webhook delivery. */
@model()
export class IssuesPayload extends Model {
  payload!: IssuesEvent;
}

/** A `label` webhook delivery. */
@model()
export class LabelPayload extends Model {
  payload!: LabelEvent;
}

/** A `marketplace_purchase` webhook delivery. */
@model()
export class MarketplacePurchasePayload extends Model {
  payload!: MarketplacePurchaseEvent;
}

/** A `member` webhook delivery. */
@model()
export class MemberPayload extends Model {
  payload!: MemberEvent;
}

/** A `membership` webhook delivery. */
@model()
export class MembershipPayload extends Model {
  payload!: MembershipEvent;
}

/** A `merge_group` webhook delivery. */
@model()
export class MergeGroupPayload extends Model {
  payload!: MergeGroupEvent;
}

/** A `meta` webhook delivery. */
@model()
export class MetaPayload extends Model {
  payload!: MetaEvent;
}

/** A `milestone` webhook delivery. */
@model()
export class MilestonePayload extends Model {
  payload!: MilestoneEvent;
}

/** A `org_block` webhook delivery. */
@model()
export class OrgBlockPayload extends Model {
  payload!: OrgBlockEvent;
}

/** A `organization` webhook delivery. */
@model()
export class OrganizationPayload extends Model {
  payload!: OrganizationEvent;
}

/** A `package` webhook delivery. */
@model()
export class PackagePayload extends Model {
  payload!: PackageEvent;
}

/** A `page_build` webhook delivery. */
@model()
export class PageBuildPayload extends Model {
  payload!: PageBuildEvent;
}

/** A `ping` webhook delivery. */
@model()
export class PingPayload extends Model {
  payload!: PingEvent;
}

/** A `project` webhook delivery. */
@model()
export class ProjectPayload extends Model {
  payload!: ProjectEvent;
}

/** A `project_card` webhook delivery. */
@model()
export class ProjectCardPayload extends Model {
  payload!: ProjectCardEvent;
}

/** A `project_column` webhook delivery. */
@model()
export class ProjectColumnPayload extends Model {
  payload!: ProjectColumnEvent;
}

/** A `projects_v2_item` webhook delivery. */
@model()
export class ProjectsV2ItemPayload extends Model {
  payload!: ProjectsV2ItemEvent;
}

/** A `public` webhook delivery. */
@model()
export class PublicPayload extends Model {
  payload!: PublicEvent;
}

/** A `pull_request` webhook delivery. */
@model()
export class PullRequestPayload extends Model {
  payload!: PullRequestEvent;
}

/** A `pull_request_review` webhook delivery. */
@model()
export class PullRequestReviewPayload extends Model {
  payload!: PullRequestReviewEvent;
}

/** A `pull_request_review_comment` webhook delivery. */
@model()
export class PullRequestReviewCommentPayload extends Model {
  payload!: PullRequestReviewCommentEvent;
}

/** A `pull_request_review_thread` webhook delivery. */
@model()
export class PullRequestReviewThreadPayload extends Model {
  payload!: PullRequestReviewThreadEvent;
}

/** A `push` webhook delivery. */
@model()
export class PushPayload extends Model {
  payload!: PushEvent;
}

/** A `registry_package` webhook delivery. */
@model()
export class RegistryPackagePayload extends Model {
  payload!: RegistryPackageEvent;
}

/** A `release` webhook delivery. */
@model()
export class ReleasePayload extends Model {
  payload!: ReleaseEvent;
}

/** A `repository` webhook delivery. */
@model()
export class RepositoryPayload extends Model {
  payload!: RepositoryEvent;
}

/** A `repository_dispatch` webhook delivery. */
@model()
export class RepositoryDispatchPayload extends Model {
  payload!: RepositoryDispatchEvent;
}

/** A `repository_import` webhook delivery. */
@model()
export class RepositoryImportPayload extends Model {
  payload!: RepositoryImportEvent;
}

/** A `repository_vulnerability_alert` webhook delivery. */
@model()
export class RepositoryVulnerabilityAlertPayload extends Model {
  payload!: RepositoryVulnerabilityAlertEvent;
}

/** A `secret_scanning_alert` webhook delivery. */
@model()
export class SecretScanningAlertPayload extends Model {
  payload!: SecretScanningAlertEvent;
}

/** A `secret_scanning_alert_location` webhook delivery. */
@model()
export class SecretScanningAlertLocationPayload extends Model {
  payload!: SecretScanningAlertLocationEvent;
}

/** A `security_advisory` webhook delivery. */
@model()
export class SecurityAdvisoryPayload extends Model {
  payload!: SecurityAdvisoryEvent;
}

/** A `sponsorship` webhook delivery. */
@model()
export class SponsorshipPayload extends Model {
  payload!: SponsorshipEvent;
}

/** A `star` webhook delivery. */
@model()
export class StarPayload extends Model {
  payload!: StarEvent;
}

/** A `status` webhook delivery. */
@model()
export class StatusPayload extends Model {
  payload!: StatusEvent;
}

/** A `team` webhook delivery. */
@model()
export class TeamPayload extends Model {
  payload!: TeamEvent;
}

/** A `team_add` webhook delivery. */
@model()
export class TeamAddPayload extends Model {
  payload!: TeamAddEvent;
}

/** A `watch` webhook delivery. */
@model()
export class WatchPayload extends Model {
  payload!: WatchEvent;
}

/** A `workflow_dispatch` webhook delivery. */
@model()
export class WorkflowDispatchPayload extends Model {
  payload!: WorkflowDispatchEvent;
}

/** A `workflow_job` webhook delivery. */
@model()
export class WorkflowJobPayload extends Model {
  payload!: WorkflowJobEvent;
}

/** A `workflow_run` webhook delivery. */
@model()
export class WorkflowRunPayload extends Model {
  payload!: WorkflowRunEvent;
}

/** Any webhook delivery: the union of every event's payload. */
@model()
export class AnyWebhookPayload extends Model {
  payload!: WebhookEvent;
}
