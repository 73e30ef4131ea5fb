/**
 * The corpus samples that no package in node_modules ships, written by hand for this project.
 *
 * - GeoJSON: no package here ships GeoJSON documents, so these follow the examples of RFC 7946
 *   (section 1.5, the geometry examples of appendix A, the bounding boxes of section 5) and the
 *   example of geojson.org. Coordinates and property names are the RFC's.
 * - AWS Lambda: no package here ships sample events (@types/aws-lambda has types only), so these
 *   are written from memory of the example events in AWS's Lambda, API Gateway, Lambda@Edge and
 *   Cognito documentation (the console's test-event templates). They are close to, not verbatim
 *   copies of, AWS's examples; a mismatch with @types/aws-lambda found on one of them is a lead to
 *   confirm against AWS's documentation, not proof.
 *
 * The values are plain JSON on purpose (no annotation with the library types): check.mjs, not
 * this file, decides whether each fits its type.
 */

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One hand-written sample: the model of the fixture it is for, and the model's input. */
export interface Handwritten {
  readonly id: string;
  readonly model: string;
  readonly input: { [field: string]: Json };
  readonly source: string;
}

// ---------------------------------------------------------------------------------------------
// GeoJSON (RFC 7946)

const rfcPoint = { type: 'Point', coordinates: [100.0, 0.0] };
const rfcLineString = { type: 'LineString', coordinates: [[100.0, 0.0], [101.0, 1.0]] };
const rfcPolygon = {
  type: 'Polygon',
  coordinates: [[[100.0, 0.0], [101.0, 0.0], [101.0, 1.0], [100.0, 1.0], [100.0, 0.0]]],
};
const rfcPolygonWithHole = {
  type: 'Polygon',
  coordinates: [
    [[100.0, 0.0], [101.0, 0.0], [101.0, 1.0], [100.0, 1.0], [100.0, 0.0]],
    [[100.8, 0.8], [100.8, 0.2], [100.2, 0.2], [100.2, 0.8], [100.8, 0.8]],
  ],
};
const rfcMultiPoint = { type: 'MultiPoint', coordinates: [[100.0, 0.0], [101.0, 1.0]] };
const rfcMultiLineString = {
  type: 'MultiLineString',
  coordinates: [
    [[100.0, 0.0], [101.0, 1.0]],
    [[102.0, 2.0], [103.0, 3.0]],
  ],
};
const rfcMultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    [[[102.0, 2.0], [103.0, 2.0], [103.0, 3.0], [102.0, 3.0], [102.0, 2.0]]],
    [
      [[100.0, 0.0], [101.0, 0.0], [101.0, 1.0], [100.0, 1.0], [100.0, 0.0]],
      [[100.2, 0.2], [100.2, 0.8], [100.8, 0.8], [100.8, 0.2], [100.2, 0.2]],
    ],
  ],
};
const rfcGeometryCollection = {
  type: 'GeometryCollection',
  geometries: [
    { type: 'Point', coordinates: [100.0, 0.0] },
    { type: 'LineString', coordinates: [[101.0, 0.0], [102.0, 1.0]] },
  ],
};
/** Section 1.5. */
const rfcFeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [102.0, 0.5] },
      properties: { prop0: 'value0' },
    },
    {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [[102.0, 0.0], [103.0, 1.0], [104.0, 0.0], [105.0, 1.0]] },
      properties: { prop0: 'value0', prop1: 0.0 },
    },
    {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [[[100.0, 0.0], [101.0, 0.0], [101.0, 1.0], [100.0, 1.0], [100.0, 0.0]]],
      },
      properties: { prop0: 'value0', prop1: { this: 'that' } },
    },
  ],
};
/** Section 5: a 3D bounding box on a feature collection, and 5.2's box across the antimeridian. */
const rfcBoundedCollection = {
  type: 'FeatureCollection',
  bbox: [100.0, 0.0, -100.0, 105.0, 1.0, 0.0],
  features: [
    {
      type: 'Feature',
      bbox: [-10.0, -10.0, 10.0, 10.0],
      geometry: { type: 'Polygon', coordinates: [[[-10.0, -10.0], [10.0, -10.0], [10.0, 10.0], [-10.0, -10.0]]] },
      properties: null,
    },
  ],
};
/** Section 3.2: a feature with an id and without a location (`geometry: null`). */
const rfcUnlocatedFeature = { type: 'Feature', id: 'f1', geometry: null, properties: { name: 'somewhere' } };
/** geojson.org's front-page example. */
const dinagat = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [125.6, 10.1] },
  properties: { name: 'Dinagat Islands' },
};

const rfc = 'RFC 7946 (written by hand from the RFC)';

export const geojson: readonly Handwritten[] = [
  ...[rfcPoint, rfcLineString, rfcPolygon, rfcPolygonWithHole, rfcMultiPoint, rfcMultiLineString, rfcMultiPolygon, rfcGeometryCollection].flatMap(
    (geometry): Handwritten[] => [
      { id: `geometry:${geometry.type}${geometry === rfcPolygonWithHole ? '+hole' : ''}`, model: 'Shape', input: { geometry }, source: `${rfc}, appendix A` },
      { id: `document:${geometry.type}${geometry === rfcPolygonWithHole ? '+hole' : ''}`, model: 'GeoJsonDocument', input: { value: geometry }, source: `${rfc}, appendix A` },
    ],
  ),
  { id: 'collection:1.5', model: 'Collection', input: { collection: rfcFeatureCollection }, source: `${rfc}, section 1.5` },
  { id: 'collection:5-bbox', model: 'Collection', input: { collection: rfcBoundedCollection }, source: `${rfc}, section 5` },
  { id: 'document:1.5', model: 'GeoJsonDocument', input: { value: rfcFeatureCollection }, source: `${rfc}, section 1.5` },
  { id: 'document:unlocated-feature', model: 'GeoJsonDocument', input: { value: rfcUnlocatedFeature }, source: `${rfc}, section 3.2` },
  { id: 'place:dinagat', model: 'NamedPlace', input: { place: dinagat }, source: 'geojson.org (written by hand from its example)' },
  {
    id: 'regions:appendix-a',
    model: 'Regions',
    input: {
      regions: {
        type: 'FeatureCollection',
        features: [rfcPolygon, rfcPolygonWithHole].map((geometry) => ({ type: 'Feature', geometry, properties: {} })),
      },
      bbox: [100.0, 0.0, 101.0, 1.0],
    },
    source: `${rfc}, appendix A`,
  },
  {
    id: 'regions:antimeridian',
    model: 'Regions',
    input: {
      regions: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Polygon', coordinates: [[[177.0, -20.0], [-178.0, -20.0], [-178.0, -16.0], [177.0, -16.0], [177.0, -20.0]]] },
            properties: { prop0: 'value0' },
          },
        ],
      },
      bbox: [177.0, -20.0, -178.0, -16.0],
    },
    source: `${rfc}, section 5.2`,
  },
];

// ---------------------------------------------------------------------------------------------
// AWS Lambda (from memory of AWS's documented example events)

const clientCert = {
  clientCertPem: 'CERT_CONTENT',
  subjectDN: 'www.example.com',
  issuerDN: 'Example issuer',
  serialNumber: 'a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1',
  validity: { notBefore: 'May 28 12:30:02 2019 GMT', notAfter: 'Aug  5 09:36:04 2021 GMT' },
};

/** API Gateway REST API, proxy integration (the "Input format of a Lambda function for proxy integration" example). */
const apiGatewayRest = {
  resource: '/my/path',
  path: '/my/path',
  httpMethod: 'GET',
  headers: { header1: 'value1', header2: 'value1,value2' },
  multiValueHeaders: { header1: ['value1'], header2: ['value1', 'value2'] },
  queryStringParameters: { parameter1: 'value1,value2', parameter2: 'value' },
  multiValueQueryStringParameters: { parameter1: ['value1', 'value2'], parameter2: ['value'] },
  requestContext: {
    accountId: '123456789012',
    apiId: 'id',
    authorizer: { claims: null, scopes: null },
    domainName: 'id.execute-api.us-east-1.amazonaws.com',
    domainPrefix: 'id',
    extendedRequestId: 'request-id',
    httpMethod: 'GET',
    identity: {
      accessKey: null,
      accountId: null,
      caller: null,
      cognitoAuthenticationProvider: null,
      cognitoAuthenticationType: null,
      cognitoIdentityId: null,
      cognitoIdentityPoolId: null,
      principalOrgId: null,
      sourceIp: 'IP',
      user: null,
      userAgent: 'user-agent',
      userArn: null,
      clientCert,
    },
    path: '/my/path',
    protocol: 'HTTP/1.1',
    requestId: 'id=',
    requestTime: '04/Mar/2020:19:15:17 +0000',
    requestTimeEpoch: 1583349317135,
    resourceId: null,
    resourcePath: '/my/path',
    stage: '$default',
  },
  pathParameters: null,
  stageVariables: null,
  body: 'Hello from Lambda!',
  isBase64Encoded: false,
};

/** API Gateway HTTP API, payload format 2.0. */
const apiGatewayHttp = {
  version: '2.0',
  routeKey: '$default',
  rawPath: '/my/path',
  rawQueryString: 'parameter1=value1&parameter1=value2&parameter2=value',
  cookies: ['cookie1', 'cookie2'],
  headers: { header1: 'value1', header2: 'value1,value2' },
  queryStringParameters: { parameter1: 'value1,value2', parameter2: 'value' },
  requestContext: {
    accountId: '123456789012',
    apiId: 'api-id',
    authentication: { clientCert },
    authorizer: { jwt: { claims: { claim1: 'value1', claim2: 'value2' }, scopes: ['scope1', 'scope2'] } },
    domainName: 'id.execute-api.us-east-1.amazonaws.com',
    domainPrefix: 'id',
    http: { method: 'POST', path: '/my/path', protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'agent' },
    requestId: 'id',
    routeKey: '$default',
    stage: '$default',
    time: '12/Mar/2020:19:03:58 +0000',
    timeEpoch: 1583348638390,
  },
  body: 'Hello from Lambda',
  pathParameters: { parameter1: 'value1' },
  isBase64Encoded: false,
  stageVariables: { stageVariable1: 'value1', stageVariable2: 'value2' },
};

/** Lambda function URL (the HTTP API 2.0 format with an IAM authorizer). */
const functionUrl = {
  version: '2.0',
  routeKey: '$default',
  rawPath: '/my/path',
  rawQueryString: 'parameter1=value1&parameter1=value2&parameter2=value',
  cookies: ['cookie1', 'cookie2'],
  headers: { header1: 'value1', header2: 'value1,value2' },
  queryStringParameters: { parameter1: 'value1,value2', parameter2: 'value' },
  requestContext: {
    accountId: '123456789012',
    apiId: '<urlid>',
    authentication: null,
    authorizer: {
      iam: {
        accessKey: 'AKIA...',
        accountId: '111122223333',
        callerId: 'AIDA...',
        cognitoIdentity: null,
        principalOrgId: null,
        userArn: 'arn:aws:iam::111122223333:user/example-user',
        userId: 'AIDA...',
      },
    },
    domainName: '<url-id>.lambda-url.us-west-2.on.aws',
    domainPrefix: '<url-id>',
    http: { method: 'POST', path: '/my/path', protocol: 'HTTP/1.1', sourceIp: '123.123.123.123', userAgent: 'agent' },
    requestId: 'id',
    routeKey: '$default',
    stage: '$default',
    time: '12/Mar/2020:19:03:58 +0000',
    timeEpoch: 1583348638390,
  },
  body: 'Hello from client!',
  pathParameters: null,
  isBase64Encoded: false,
  stageVariables: null,
};

const tokenAuthorizer = {
  type: 'TOKEN',
  authorizationToken: 'allow',
  methodArn: 'arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b/*/GET/',
};

const requestAuthorizer = {
  type: 'REQUEST',
  methodArn: 'arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request',
  resource: '/request',
  path: '/request',
  httpMethod: 'GET',
  headers: { 'X-AMZ-Date': '20170718T062915Z', Accept: '*/*', HeaderAuth1: 'headerValue1', 'CloudFront-Viewer-Country': 'US', Host: 'example.com' },
  multiValueHeaders: { 'X-AMZ-Date': ['20170718T062915Z'], Accept: ['*/*'], HeaderAuth1: ['headerValue1'], 'CloudFront-Viewer-Country': ['US'], Host: ['example.com'] },
  queryStringParameters: { QueryString1: 'queryValue1' },
  multiValueQueryStringParameters: { QueryString1: ['queryValue1'] },
  pathParameters: {},
  stageVariables: { StageVar1: 'stageValue1' },
  requestContext: {
    path: '/request',
    accountId: '123456789012',
    resourceId: '05c7jb',
    stage: 'test',
    requestId: '...',
    identity: { apiKey: '...', sourceIp: '...', clientCert },
    resourcePath: '/request',
    httpMethod: 'GET',
    apiId: 'abcdef123',
  },
};

const alb = {
  requestContext: {
    elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/lambda-279XGJDqGZ5rsrHC2Fjr/49e9d65c45c6791a' },
  },
  httpMethod: 'GET',
  path: '/lambda',
  queryStringParameters: { query: '1234ABCD' },
  headers: {
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,image/apng,*/*;q=0.8',
    'accept-encoding': 'gzip',
    'accept-language': 'en-US,en;q=0.9',
    connection: 'keep-alive',
    host: 'lambda-alb-123578498.us-east-1.elb.amazonaws.com',
    'upgrade-insecure-requests': '1',
    'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/71.0.3578.98 Safari/537.36',
    'x-amzn-trace-id': 'Root=1-5c536348-3d683b8b04734faae651f476',
    'x-forwarded-for': '72.12.164.125',
    'x-forwarded-port': '80',
    'x-forwarded-proto': 'http',
    'x-imforwards': '20',
  },
  body: '',
  isBase64Encoded: false,
};

const sqs = {
  Records: [
    {
      messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
      receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...',
      body: 'test',
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '1545082649183',
        SenderId: 'AIDAIENQZJOLO23YVJ4VO',
        ApproximateFirstReceiveTimestamp: '1545082649185',
      },
      messageAttributes: {},
      md5OfBody: '098f6bcd4621d373cade4e832627b4f6',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-2:123456789012:my-queue',
      awsRegion: 'us-east-2',
    },
    {
      messageId: '2e1424d4-f796-459a-8184-9c92662be6da',
      receiptHandle: 'AQEBzWwaftRI0KuVm4tP+/7q1rGgNqicHq...',
      body: 'Test message.',
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '1545082650636',
        SenderId: 'AIDAIENQZJOLO23YVJ4VO',
        ApproximateFirstReceiveTimestamp: '1545082650649',
      },
      messageAttributes: {
        myAttribute: { stringValue: 'myValue', stringListValues: [], binaryListValues: [], dataType: 'String' },
      },
      md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-2:123456789012:my-queue',
      awsRegion: 'us-east-2',
    },
  ],
};

const sns = {
  Records: [
    {
      EventVersion: '1.0',
      EventSubscriptionArn: 'arn:aws:sns:us-east-1:123456789012:sns-lambda:21be56ed-a058-49f5-8c98-aedd2564c486',
      EventSource: 'aws:sns',
      Sns: {
        SignatureVersion: '1',
        Timestamp: '2019-01-02T12:45:07.000Z',
        Signature: 'tcc6faL2yUC6dgZdmrwh1Y4cGa/ebXEkAi6RibDsvpi+tE/1+82j...65r==',
        SigningCertUrl: 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-ac565b8b1a6c5d002d285f9598aa1d9b.pem',
        MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
        Message: 'Hello from SNS!',
        MessageAttributes: {
          Test: { Type: 'String', Value: 'TestString' },
          TestBinary: { Type: 'Binary', Value: 'TestBinary' },
        },
        Type: 'Notification',
        UnsubscribeUrl:
          'https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-1:123456789012:test-lambda:21be56ed-a058-49f5-8c98-aedd2564c486',
        TopicArn: 'arn:aws:sns:us-east-1:123456789012:sns-lambda',
        Subject: 'TestInvoke',
      },
    },
  ],
};

const s3 = {
  Records: [
    {
      eventVersion: '2.0',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventTime: '1970-01-01T00:00:00.000Z',
      eventName: 'ObjectCreated:Put',
      userIdentity: { principalId: 'EXAMPLE' },
      requestParameters: { sourceIPAddress: '127.0.0.1' },
      responseElements: {
        'x-amz-request-id': 'EXAMPLE123456789',
        'x-amz-id-2': 'EXAMPLE123/5678abcdefghijklambdaisawesome/mnopqrstuvwxyzABCDEFGH',
      },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'testConfigRule',
        bucket: { name: 'example-bucket', ownerIdentity: { principalId: 'EXAMPLE' }, arn: 'arn:aws:s3:::example-bucket' },
        object: { key: 'test%2Fkey', size: 1024, eTag: '0123456789abcdef0123456789abcdef', sequencer: '0A1B2C3D4E5F678901' },
      },
    },
  ],
};

const dynamoStream = (eventID: string, eventName: string, dynamodb: { [key: string]: Json }) => ({
  eventID,
  eventVersion: '1.0',
  dynamodb: { Keys: { Id: { N: '101' } }, StreamViewType: 'NEW_AND_OLD_IMAGES', ...dynamodb },
  awsRegion: 'us-west-2',
  eventName,
  eventSourceARN: 'arn:aws:dynamodb:us-west-2:111122223333:table/TestTable/stream/2015-05-11T21:21:33.291',
  eventSource: 'aws:dynamodb',
});
const dynamodb = {
  Records: [
    dynamoStream('1', 'INSERT', { NewImage: { Message: { S: 'New item!' }, Id: { N: '101' } }, SequenceNumber: '111', SizeBytes: 26 }),
    dynamoStream('2', 'MODIFY', {
      NewImage: { Message: { S: 'This item has changed' }, Id: { N: '101' } },
      OldImage: { Message: { S: 'New item!' }, Id: { N: '101' } },
      SequenceNumber: '222',
      SizeBytes: 59,
    }),
    dynamoStream('3', 'REMOVE', { OldImage: { Message: { S: 'This item has changed' }, Id: { N: '101' } }, SequenceNumber: '333', SizeBytes: 38 }),
  ],
};

const kinesis = {
  Records: [
    {
      kinesis: {
        kinesisSchemaVersion: '1.0',
        partitionKey: '1',
        sequenceNumber: '49590338271490256608559692538361571095921575989136588898',
        data: 'SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==',
        approximateArrivalTimestamp: 1545084650.987,
      },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: 'shardId-000000000006:49590338271490256608559692538361571095921575989136588898',
      eventName: 'aws:kinesis:record',
      invokeIdentityArn: 'arn:aws:iam::123456789012:role/lambda-role',
      awsRegion: 'us-east-2',
      eventSourceARN: 'arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream',
    },
  ],
};

const firehose = {
  invocationId: 'invocationIdExample',
  deliveryStreamArn: 'arn:aws:kinesis:EXAMPLE',
  region: 'us-east-1',
  records: [
    {
      recordId: '49546986683135544286507457936321625675700192471156785154',
      approximateArrivalTimestamp: 1495072949453,
      data: 'SGVsbG8sIHRoaXMgaXMgYSB0ZXN0IDEyMy4=',
    },
  ],
};

const scheduled = {
  version: '0',
  id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '123456789012',
  time: '2015-10-08T16:53:06Z',
  region: 'us-east-1',
  resources: ['arn:aws:events:us-east-1:123456789012:rule/my-scheduled-rule'],
  detail: {},
};

const ec2StateChange = {
  version: '0',
  id: '7bf73129-1428-4cd3-a780-95db273d1602',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '123456789012',
  time: '2015-11-11T21:29:54Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
  detail: { 'instance-id': 'i-abcd1111', state: 'pending' },
};

const cloudWatchLogs = {
  awslogs: {
    data: 'H4sIAAAAAAAAAHWPwQqCQBCGX2Xp7EFtK+smZBEUgXoLCdMhFtKV3akI8d0bLYmibvPPN3wz0xwLoExlNykRsTsx8kpPBARVVpgyaMSPJY3QiRzcyXgsVF73y0VRvXw/SIOtytWz3+QtOZ0t4VQ4LV7EY9CX4Yk5Nk4GdN5VKkhMFWFIhWWQ5Ka6t8YSB1DiDyYU+lzvIb4JN+L0KA7KY8H2sCbYRzECbyTbSyRfOh9hvbRqsXTjxvSVw0gHE7QaxOgSOvrDaPeAb4pVxYPEgiPD9PFLBUKYwM5pvgHhCdlfIAEAAA==',
  },
};

const cloudFrontConfig = (eventType: string) => ({
  distributionDomainName: 'd111111abcdef8.cloudfront.net',
  distributionId: 'EDFDVBD6EXAMPLE',
  eventType,
  requestId: '4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ==',
});
const cloudFrontRequest = {
  clientIp: '203.0.113.178',
  headers: {
    host: [{ key: 'Host', value: 'd111111abcdef8.cloudfront.net' }],
    'user-agent': [{ key: 'User-Agent', value: 'curl/7.66.0' }],
    accept: [{ key: 'accept', value: '*/*' }],
  },
  method: 'GET',
  querystring: '',
  uri: '/',
};
const cloudFrontViewerRequest = { Records: [{ cf: { config: cloudFrontConfig('viewer-request'), request: cloudFrontRequest } }] };
const cloudFrontOriginResponse = {
  Records: [
    {
      cf: {
        config: cloudFrontConfig('origin-response'),
        request: cloudFrontRequest,
        response: {
          headers: {
            'access-control-allow-credentials': [{ key: 'Access-Control-Allow-Credentials', value: 'true' }],
            'access-control-allow-origin': [{ key: 'Access-Control-Allow-Origin', value: '*' }],
            date: [{ key: 'Date', value: 'Mon, 13 Jan 2020 20:12:38 GMT' }],
            'content-type': [{ key: 'Content-Type', value: 'application/json' }],
            server: [{ key: 'Server', value: 'gunicorn/19.9.0' }],
          },
          status: '200',
          statusDescription: 'OK',
        },
      },
    },
  ],
};

const cognitoPreSignUp = {
  version: '1',
  region: 'us-west-2',
  userPoolId: 'us-west-2_EXAMPLE',
  userName: 'testuser',
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '1example23456789' },
  triggerSource: 'PreSignUp_SignUp',
  request: {
    userAttributes: { name: 'John Doe', phone_number: '+12065551212', email: 'testuser@example.com' },
  },
  response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
};

const ses = {
  Records: [
    {
      eventSource: 'aws:ses',
      eventVersion: '1.0',
      ses: {
        mail: {
          timestamp: '2019-08-05T21:30:02.028Z',
          source: 'prvs=144d0cba7=sender@example.com',
          messageId: 'EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000',
          destination: ['recipient@example.com'],
          headersTruncated: false,
          headers: [
            { name: 'Return-Path', value: '<prvs=144d0cba7=sender@example.com>' },
            { name: 'From', value: 'sender@example.com' },
            { name: 'To', value: 'recipient@example.com' },
            { name: 'Subject', value: 'Test message' },
          ],
          commonHeaders: {
            returnPath: 'prvs=144d0cba7=sender@example.com',
            from: ['sender@example.com'],
            date: 'Mon, 5 Aug 2019 21:29:57 +0000',
            to: ['recipient@example.com'],
            messageId: '<12345678@example.com>',
            subject: 'Test message',
          },
        },
        receipt: {
          timestamp: '2019-08-05T21:30:02.028Z',
          processingTimeMillis: 1205,
          recipients: ['recipient@example.com'],
          spamVerdict: { status: 'PASS' },
          virusVerdict: { status: 'PASS' },
          spfVerdict: { status: 'PASS' },
          dkimVerdict: { status: 'PASS' },
          dmarcVerdict: { status: 'GRAY' },
          action: {
            type: 'Lambda',
            functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:ses-test',
            invocationType: 'Event',
          },
        },
      },
    },
  ],
};

const customResourceCreate = {
  RequestType: 'Create',
  ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:lambda-error-processor-primer-14ROR2T3JKU66',
  ResponseURL:
    'https://cloudformation-custom-resource-response-useast1.s3-us-east-1.amazonaws.com/arn%3Aaws%3Acloudformation%3Aus-east-1%3A123456789012%3Astack/lambda-error-processor/1134083a-2608-1e91-9897-022501a2c456%7Cprimerinvoke%7C5d478078-13e9-baf0-464a-7ef285ecc786?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1555451971&Signature=28UijZePE5I4dvukKQqM%2F9Rf1o4%3D',
  StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/lambda-error-processor/1134083a-2608-1e91-9897-022501a2c456',
  RequestId: '5d478078-13e9-baf0-464a-7ef285ecc786',
  LogicalResourceId: 'primerinvoke',
  ResourceType: 'AWS::CloudFormation::CustomResource',
  ResourceProperties: {
    ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:lambda-error-processor-primer-14ROR2T3JKU66',
    FunctionName: 'lambda-error-processor-randomerror-ZWUC391MQAJK',
  },
};
const customResourceUpdate = {
  ...customResourceCreate,
  RequestType: 'Update',
  PhysicalResourceId: 'primerinvoke-1234',
  OldResourceProperties: { ServiceToken: customResourceCreate.ServiceToken, FunctionName: 'lambda-error-processor-randomerror-OLD' },
};

const appSync = {
  arguments: { id: '1' },
  identity: null,
  source: null,
  request: { headers: { 'content-type': 'application/json', host: 'example.appsync-api.us-east-1.amazonaws.com' }, domainName: null },
  prev: null,
  info: {
    selectionSetList: ['id', 'title'],
    selectionSetGraphQL: '{\n  id\n  title\n}',
    parentTypeName: 'Query',
    fieldName: 'getPost',
    variables: {},
  },
  stash: {},
};

const aws = 'AWS documentation example event (written by hand from memory)';

/**
 * Copies of the examples above changed just enough to fit @types/aws-lambda, for the models whose
 * example does not (samples.ts lists those in `excluded`). Each says what was changed; the change
 * follows the type, not AWS.
 */
const typed = (change: string) => `${aws}, changed to fit @types/aws-lambda: ${change}`;
const apiGatewayRestTyped = {
  ...apiGatewayRest,
  requestContext: {
    ...apiGatewayRest.requestContext,
    resourceId: 'abc123',
    identity: { ...apiGatewayRest.requestContext.identity, apiKey: null, apiKeyId: null },
  },
};
const { authentication: _authentication, ...functionUrlRequestContextTyped } = functionUrl.requestContext;
const { pathParameters: _pathParameters, stageVariables: _stageVariables, ...functionUrlRest } = functionUrl;
const functionUrlTyped = { ...functionUrlRest, requestContext: functionUrlRequestContextTyped };
const cognitoPreSignUpTyped = { ...cognitoPreSignUp, version: 1 };
const ours = 'a handler result (written by hand)';

export const awsLambda: readonly Handwritten[] = [
  { id: 'api-gateway-rest', model: 'ApiGatewayRestEvent', input: { event: apiGatewayRest }, source: aws },
  {
    id: 'api-gateway-rest+typed',
    model: 'ApiGatewayRestEvent',
    input: { event: apiGatewayRestTyped },
    source: typed('requestContext.identity.apiKey and apiKeyId added (null), requestContext.resourceId a string instead of null'),
  },
  { id: 'api-gateway-http', model: 'ApiGatewayHttpEvent', input: { event: apiGatewayHttp }, source: aws },
  { id: 'api-gateway-token-authorizer', model: 'ApiGatewayTokenAuthorizer', input: { event: tokenAuthorizer }, source: aws },
  { id: 'api-gateway-request-authorizer', model: 'ApiGatewayRequestAuthorizer', input: { event: requestAuthorizer }, source: aws },
  { id: 'alb', model: 'AlbEvent', input: { event: alb }, source: aws },
  { id: 'function-url', model: 'FunctionUrlEvent', input: { event: functionUrl }, source: aws },
  { id: 'function-url+typed', model: 'FunctionUrlEvent', input: { event: functionUrlTyped }, source: typed('requestContext.authentication, pathParameters and stageVariables (null) left out') },
  { id: 'sqs', model: 'SqsEvent', input: { event: sqs }, source: aws },
  { id: 'sns', model: 'SnsEvent', input: { event: sns }, source: aws },
  { id: 's3-put', model: 'S3Notification', input: { event: s3 }, source: aws },
  { id: 'dynamodb-stream', model: 'DynamoDbStream', input: { event: dynamodb }, source: aws },
  { id: 'kinesis', model: 'KinesisStream', input: { event: kinesis }, source: aws },
  { id: 'firehose', model: 'FirehoseTransformation', input: { event: firehose }, source: aws },
  { id: 'eventbridge:scheduled', model: 'EventBridge', input: { event: scheduled }, source: aws },
  { id: 'eventbridge:ec2-state-change', model: 'EventBridge', input: { event: ec2StateChange }, source: aws },
  { id: 'scheduled', model: 'Scheduled', input: { event: scheduled }, source: aws },
  { id: 'cloudwatch-logs', model: 'CloudWatchLogs', input: { event: cloudWatchLogs }, source: aws },
  { id: 'cloudfront-viewer-request', model: 'CloudFrontRequest', input: { event: cloudFrontViewerRequest }, source: aws },
  { id: 'cloudfront-origin-response', model: 'CloudFrontResponse', input: { event: cloudFrontOriginResponse }, source: aws },
  { id: 'cognito-trigger:pre-sign-up', model: 'CognitoTrigger', input: { event: cognitoPreSignUp }, source: aws },
  { id: 'cognito-trigger:pre-sign-up+typed', model: 'CognitoTrigger', input: { event: cognitoPreSignUpTyped }, source: typed('version the number 1 instead of the string "1"') },
  { id: 'cognito-pre-sign-up', model: 'CognitoPreSignUp', input: { event: cognitoPreSignUp }, source: aws },
  { id: 'ses', model: 'SesEvent', input: { event: ses }, source: aws },
  { id: 'custom-resource:create', model: 'CustomResource', input: { event: customResourceCreate }, source: aws },
  { id: 'custom-resource:update', model: 'CustomResource', input: { event: customResourceUpdate }, source: aws },
  { id: 'appsync', model: 'AppSyncResolver', input: { event: appSync }, source: aws },
  {
    id: 'result:rest',
    model: 'ApiGatewayRestResult',
    input: { result: { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: '{"message":"ok"}', isBase64Encoded: false } },
    source: ours,
  },
  {
    id: 'result:http',
    model: 'ApiGatewayHttpResult',
    input: { result: { statusCode: 201, headers: { 'Content-Type': 'text/plain' }, cookies: ['session=1; Secure'], body: 'created', isBase64Encoded: false } },
    source: ours,
  },
  {
    id: 'result:alb',
    model: 'AlbResult',
    input: { result: { statusCode: 200, statusDescription: '200 OK', isBase64Encoded: false, headers: { 'Content-Type': 'text/html' }, body: '<h1>Hello from Lambda!</h1>' } },
    source: 'AWS documentation example response (written by hand from memory)',
  },
  {
    id: 'result:authorizer',
    model: 'AuthorizerResult',
    input: {
      result: {
        principalId: 'user',
        policyDocument: {
          Version: '2012-10-17',
          Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: 'arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b/*/GET/' }],
        },
        context: { stringKey: 'value', numberKey: 123, booleanKey: true },
      },
    },
    source: 'AWS documentation example authorizer output (written by hand from memory)',
  },
  {
    id: 'result:sqs-batch',
    model: 'SqsBatchResult',
    input: { result: { batchItemFailures: [{ itemIdentifier: '059f36b4-87a3-44ab-83d2-661975830a7d' }] } },
    source: ours,
  },
];
