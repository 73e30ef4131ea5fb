/**
 * Real-world types corpus: GitHub REST API objects, typed by @octokit/openapi-types (generated from
 * GitHub's OpenAPI description by openapi-typescript).
 *
 * One model per `components["schemas"]` entry below (48), each with one field `data` typed by
 * the schema, and a few models typed by a path's response type (`paths[...]["get"]["responses"][200]`).
 * Samples: no package here ships REST responses, so samples.ts takes the objects embedded in the
 * webhook examples of @octokit/webhooks-examples wherever their shape fits the REST schema.
 */
import { Model, model } from 'tydantic';
import type { components, paths } from '@octokit/openapi-types';

type Schemas = components['schemas'];
type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

/** `components["schemas"]["simple-user"]` */
@model()
export class SimpleUser extends Model {
  data!: Schemas['simple-user'];
}

/** `components["schemas"]["nullable-simple-user"]` */
@model()
export class NullableSimpleUser extends Model {
  data!: Schemas['nullable-simple-user'];
}

/** `components["schemas"]["public-user"]` */
@model()
export class PublicUser extends Model {
  data!: Schemas['public-user'];
}

/** `components["schemas"]["private-user"]` */
@model()
export class PrivateUser extends Model {
  data!: Schemas['private-user'];
}

/** `components["schemas"]["repository"]` */
@model()
export class Repository extends Model {
  data!: Schemas['repository'];
}

/** `components["schemas"]["minimal-repository"]` */
@model()
export class MinimalRepository extends Model {
  data!: Schemas['minimal-repository'];
}

/** `components["schemas"]["full-repository"]` */
@model()
export class FullRepository extends Model {
  data!: Schemas['full-repository'];
}

/** `components["schemas"]["simple-repository"]` */
@model()
export class SimpleRepository extends Model {
  data!: Schemas['simple-repository'];
}

/** `components["schemas"]["issue"]` */
@model()
export class Issue extends Model {
  data!: Schemas['issue'];
}

/** `components["schemas"]["issue-comment"]` */
@model()
export class IssueComment extends Model {
  data!: Schemas['issue-comment'];
}

/** `components["schemas"]["pull-request"]` */
@model()
export class PullRequest extends Model {
  data!: Schemas['pull-request'];
}

/** `components["schemas"]["pull-request-simple"]` */
@model()
export class PullRequestSimple extends Model {
  data!: Schemas['pull-request-simple'];
}

/** `components["schemas"]["commit"]` */
@model()
export class Commit extends Model {
  data!: Schemas['commit'];
}

/** `components["schemas"]["commit-comment"]` */
@model()
export class CommitComment extends Model {
  data!: Schemas['commit-comment'];
}

/** `components["schemas"]["git-commit"]` */
@model()
export class GitCommit extends Model {
  data!: Schemas['git-commit'];
}

/** `components["schemas"]["release"]` */
@model()
export class Release extends Model {
  data!: Schemas['release'];
}

/** `components["schemas"]["release-asset"]` */
@model()
export class ReleaseAsset extends Model {
  data!: Schemas['release-asset'];
}

/** `components["schemas"]["label"]` */
@model()
export class Label extends Model {
  data!: Schemas['label'];
}

/** `components["schemas"]["milestone"]` */
@model()
export class Milestone extends Model {
  data!: Schemas['milestone'];
}

/** `components["schemas"]["organization-simple"]` */
@model()
export class OrganizationSimple extends Model {
  data!: Schemas['organization-simple'];
}

/** `components["schemas"]["organization-full"]` */
@model()
export class OrganizationFull extends Model {
  data!: Schemas['organization-full'];
}

/** `components["schemas"]["team"]` */
@model()
export class Team extends Model {
  data!: Schemas['team'];
}

/** `components["schemas"]["team-full"]` */
@model()
export class TeamFull extends Model {
  data!: Schemas['team-full'];
}

/** `components["schemas"]["installation"]` */
@model()
export class Installation extends Model {
  data!: Schemas['installation'];
}

/** `components["schemas"]["integration"]` */
@model()
export class Integration extends Model {
  data!: Schemas['integration'];
}

/** `components["schemas"]["workflow"]` */
@model()
export class Workflow extends Model {
  data!: Schemas['workflow'];
}

/** `components["schemas"]["workflow-run"]` */
@model()
export class WorkflowRun extends Model {
  data!: Schemas['workflow-run'];
}

/** `components["schemas"]["job"]` */
@model()
export class Job extends Model {
  data!: Schemas['job'];
}

/** `components["schemas"]["check-run"]` */
@model()
export class CheckRun extends Model {
  data!: Schemas['check-run'];
}

/** `components["schemas"]["check-suite"]` */
@model()
export class CheckSuite extends Model {
  data!: Schemas['check-suite'];
}

/** `components["schemas"]["deployment"]` */
@model()
export class Deployment extends Model {
  data!: Schemas['deployment'];
}

/** `components["schemas"]["deployment-status"]` */
@model()
export class DeploymentStatus extends Model {
  data!: Schemas['deployment-status'];
}

/** `components["schemas"]["discussion"]` */
@model()
export class Discussion extends Model {
  data!: Schemas['discussion'];
}

/** `components["schemas"]["gist-simple"]` */
@model()
export class GistSimple extends Model {
  data!: Schemas['gist-simple'];
}

/** `components["schemas"]["content-file"]` */
@model()
export class ContentFile extends Model {
  data!: Schemas['content-file'];
}

/** `components["schemas"]["branch-with-protection"]` */
@model()
export class BranchWithProtection extends Model {
  data!: Schemas['branch-with-protection'];
}

/** `components["schemas"]["combined-commit-status"]` */
@model()
export class CombinedCommitStatus extends Model {
  data!: Schemas['combined-commit-status'];
}

/** `components["schemas"]["commit-comparison"]` */
@model()
export class CommitComparison extends Model {
  data!: Schemas['commit-comparison'];
}

/** `components["schemas"]["rate-limit-overview"]` */
@model()
export class RateLimitOverview extends Model {
  data!: Schemas['rate-limit-overview'];
}

/** `components["schemas"]["repository-ruleset"]` */
@model()
export class RepositoryRuleset extends Model {
  data!: Schemas['repository-ruleset'];
}

/** `components["schemas"]["webhook-config"]` */
@model()
export class WebhookConfig extends Model {
  data!: Schemas['webhook-config'];
}

/** `components["schemas"]["event"]` */
@model()
export class Event extends Model {
  data!: Schemas['event'];
}

/** `components["schemas"]["license"]` */
@model()
export class License extends Model {
  data!: Schemas['license'];
}

/** `components["schemas"]["reaction"]` */
@model()
export class Reaction extends Model {
  data!: Schemas['reaction'];
}

/** `components["schemas"]["hook"]` */
@model()
export class Hook extends Model {
  data!: Schemas['hook'];
}

/** `components["schemas"]["git-ref"]` */
@model()
export class GitRef extends Model {
  data!: Schemas['git-ref'];
}

/** `components["schemas"]["package"]` */
@model()
export class Package extends Model {
  data!: Schemas['package'];
}

/** `components["schemas"]["projects-v2"]` */
@model()
export class ProjectsV2 extends Model {
  data!: Schemas['projects-v2'];
}

/** The response of `GET /repos/{owner}/{repo}` (a full-repository), through the paths map. */
@model()
export class GetRepositoryResponse extends Model {
  data!: paths['/repos/{owner}/{repo}']['get']['responses'][200]['content']['application/json'];
}

/** The response of `GET /repos/{owner}/{repo}/issues`: an array of issues. */
@model()
export class ListIssuesResponse extends Model {
  data!: Json<'/repos/{owner}/{repo}/issues', 'get'>;
}

/** The response of `GET /users/{username}`: a union of private-user and public-user. */
@model()
export class GetUserResponse extends Model {
  data!: Json<'/users/{username}', 'get'>;
}

/** The response of `GET /repos/{owner}/{repo}/pulls/{pull_number}`. */
@model()
export class GetPullRequestResponse extends Model {
  data!: Json<'/repos/{owner}/{repo}/pulls/{pull_number}', 'get'>;
}
