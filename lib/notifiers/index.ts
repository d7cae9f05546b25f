// Email, Slack and generic webhook behind one contract; see README.md for the webhook format.
export { type EmailConfig, emailConfigSchema, emailNotifier } from "./email";
export { isNotifierError, NotifierError, type NotifierErrorCode, redactUrl, scrubSecrets } from "./errors";
export { type EmailContent, formatEmail } from "./format-email";
export { formatSlack, type SlackPayload } from "./format-slack";
export {
  DELIVERY_HEADER,
  formatWebhook,
  SIGNATURE_HEADER,
  signWebhook,
  TIMESTAMP_HEADER,
  verifyWebhookSignature,
} from "./format-webhook";
export { parseRetryAfter } from "./http-post";
export { type ChannelConfigs, deliver, notifiers, parseChannelConfig, testChannel } from "./registry";
export {
  absoluteLink,
  formatUtc,
  type RenderOptions,
  renderDigest,
  renderMessage,
  testMessage,
} from "./render-message";
export { type SlackConfig, slackConfigSchema, slackNotifier } from "./slack";
export * from "./types";
export { type WebhookConfig, webhookConfigSchema, webhookNotifier } from "./webhook";
