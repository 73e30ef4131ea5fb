/**
 * Real-world types corpus: AWS Lambda event and result payloads, typed by @types/aws-lambda.
 *
 * One model per event type, each with one field `event`; a few handler results. Many of these
 * types use `null`-able fields, string index signatures (headers) and generic parameters.
 */
import { Model, model } from 'tydantic';
import type {
  ALBEvent,
  ALBResult,
  APIGatewayAuthorizerResult,
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyResult,
  APIGatewayProxyStructuredResultV2,
  APIGatewayRequestAuthorizerEvent,
  APIGatewayTokenAuthorizerEvent,
  AppSyncResolverEvent,
  CloudFormationCustomResourceEvent,
  CloudFrontRequestEvent,
  CloudFrontResponseEvent,
  CloudWatchLogsEvent,
  CognitoUserPoolTriggerEvent,
  DynamoDBStreamEvent,
  EventBridgeEvent,
  FirehoseTransformationEvent,
  KinesisStreamEvent,
  LambdaFunctionURLEvent,
  PreSignUpTriggerEvent,
  S3Event,
  ScheduledEvent,
  SESEvent,
  SNSEvent,
  SQSBatchResponse,
  SQSEvent,
} from 'aws-lambda';

@model()
export class ApiGatewayRestEvent extends Model {
  event!: APIGatewayProxyEvent;
}

@model()
export class ApiGatewayHttpEvent extends Model {
  event!: APIGatewayProxyEventV2;
}

@model()
export class ApiGatewayTokenAuthorizer extends Model {
  event!: APIGatewayTokenAuthorizerEvent;
}

@model()
export class ApiGatewayRequestAuthorizer extends Model {
  event!: APIGatewayRequestAuthorizerEvent;
}

@model()
export class AlbEvent extends Model {
  event!: ALBEvent;
}

@model()
export class FunctionUrlEvent extends Model {
  event!: LambdaFunctionURLEvent;
}

@model()
export class SqsEvent extends Model {
  event!: SQSEvent;
}

@model()
export class SnsEvent extends Model {
  event!: SNSEvent;
}

@model()
export class S3Notification extends Model {
  event!: S3Event;
}

@model()
export class DynamoDbStream extends Model {
  event!: DynamoDBStreamEvent;
}

@model()
export class KinesisStream extends Model {
  event!: KinesisStreamEvent;
}

@model()
export class FirehoseTransformation extends Model {
  event!: FirehoseTransformationEvent;
}

@model()
export class EventBridge extends Model {
  event!: EventBridgeEvent<string, unknown>;
}

@model()
export class Scheduled extends Model {
  event!: ScheduledEvent;
}

@model()
export class CloudWatchLogs extends Model {
  event!: CloudWatchLogsEvent;
}

@model()
export class CloudFrontRequest extends Model {
  event!: CloudFrontRequestEvent;
}

@model()
export class CloudFrontResponse extends Model {
  event!: CloudFrontResponseEvent;
}

@model()
export class CognitoTrigger extends Model {
  event!: CognitoUserPoolTriggerEvent;
}

@model()
export class CognitoPreSignUp extends Model {
  event!: PreSignUpTriggerEvent;
}

@model()
export class SesEvent extends Model {
  event!: SESEvent;
}

@model()
export class CustomResource extends Model {
  event!: CloudFormationCustomResourceEvent;
}

@model()
export class AppSyncResolver extends Model {
  event!: AppSyncResolverEvent<Record<string, unknown>>;
}

/** Handler results. */
@model()
export class ApiGatewayRestResult extends Model {
  result!: APIGatewayProxyResult;
}

@model()
export class ApiGatewayHttpResult extends Model {
  result!: APIGatewayProxyStructuredResultV2;
}

@model()
export class AlbResult extends Model {
  result!: ALBResult;
}

@model()
export class AuthorizerResult extends Model {
  result!: APIGatewayAuthorizerResult;
}

@model()
export class SqsBatchResult extends Model {
  result!: SQSBatchResponse;
}
