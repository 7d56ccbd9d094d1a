import { ServiceEnvironment } from '#config';

/** Environment of the notifications service; shared variables are documented in the README. */
export class NotificationsEnvironment extends ServiceEnvironment {
  override PORT = 3004;
}
